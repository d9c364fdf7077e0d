package dev.rset.core.template.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.core.template.parse.Node.ActionNode;
import dev.rset.core.template.parse.Node.ChainNode;
import dev.rset.core.template.parse.Node.FieldNode;
import dev.rset.core.template.parse.Node.NumberNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ParserTest {
    private static final Set<String> FUNCS = Set.of("f", "printf", "index", "len", "and", "or", "not", "print");

    private static Map<String, Tree> parse(String text) {
        return Parser.parse("t", text, "{{", "}}", FUNCS::contains);
    }

    /** The expected strings are Go 1.24's {@code Tree.Root.String()} for the same input. */
    static Stream<Arguments> nodeStrings() {
        return Stream.of(
                Arguments.of("a{{if $x := .a}}{{.b | printf \"%d\" 1}}{{else if .c}}{{(f .d).e}}{{else}}x{{end}}",
                        "a{{if $x := .a}}{{.b | printf \"%d\" 1}}{{else}}{{if .c}}{{(f .d).e}}{{else}}x{{end}}{{end}}"),
                Arguments.of("{{range $i, $v := .l}}{{break}}{{continue}}{{end}}{{with .x}}{{.}}{{else with .y}}{{$}}{{end}}",
                        "{{range $i, $v := .l}}{{break}}{{continue}}{{end}}{{with .x}}{{.}}{{else}}{{with .y}}{{$}}{{end}}{{end}}"),
                Arguments.of("{{template \"a\\tb\" .x}}{{template `c`}}{{$y := 0}}{{$y = 1}}{{nil}}{{true}}{{1.50}}{{'a'}}"
                        + "{{`raw`}}{{$.a.b}}{{(len .).x.y}}",
                        "{{template \"a\\tb\" .x}}{{template \"c\"}}{{$y := 0}}{{$y = 1}}{{nil}}{{true}}{{1.50}}{{'a'}}"
                        + "{{`raw`}}{{$.a.b}}{{(len .).x.y}}"),
                Arguments.of("{{/* c */}}{{- .a -}}  {{f (f 1 | f) 2}}", "{{.a}}{{f (f 1 | f) 2}}"));
    }

    @ParameterizedTest
    @MethodSource("nodeStrings")
    void nodeStringsAreGos(String text, String expected) {
        assertEquals(expected, parse(text).get("t").root().toString());
    }

    @Test
    void defineAndBlockJoinTheSet() {
        Map<String, Tree> trees = parse("{{define \"a\"}}A{{end}}{{block \"b\" .}}B{{end}}main");
        assertEquals(Set.of("t", "a", "b"), trees.keySet());
        assertEquals("A", trees.get("a").root().toString());
        assertEquals("{{template \"b\" .}}main", trees.get("t").root().toString());
    }

    /** Go gives a field chain the position of its second field; error columns depend on it. */
    @Test
    void positionsFollowGo() {
        ActionNode action = (ActionNode) parse("{{ .a.b }}{{f .x}}").get("t").root().nodes().get(0);
        FieldNode field = assertInstanceOf(FieldNode.class, action.pipe().cmds().get(0).args().get(0));
        assertEquals(5, field.pos());
        assertEquals(3, action.pos());
        ActionNode chained = (ActionNode) parse("{{(f 1).x}}").get("t").root().nodes().get(0);
        ChainNode chain = assertInstanceOf(ChainNode.class, chained.pipe().cmds().get(0).args().get(0));
        assertEquals(7, chain.pos());
    }

    @Test
    void numbersKeepEveryRepresentation() {
        ActionNode a = (ActionNode) parse("{{1.0}}").get("t").root().nodes().get(0);
        NumberNode n = (NumberNode) a.pipe().cmds().get(0).args().get(0);
        assertEquals(true, n.isInt());
        assertEquals(true, n.isFloat());
        assertEquals(1L, n.int64());
        ActionNode b = (ActionNode) parse("{{18446744073709551615}}").get("t").root().nodes().get(0);
        NumberNode u = (NumberNode) b.pipe().cmds().get(0).args().get(0);
        assertEquals(false, u.isInt());
        assertEquals(true, u.isUint());
        assertEquals(-1L, u.uint64());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("{{end}}", "template: t:1: unexpected {{end}}"),
                Arguments.of("{{if .a}}", "template: t:1: unexpected EOF"),
                Arguments.of("{{nosuch}}", "template: t:1: function \"nosuch\" not defined"),
                Arguments.of("{{$x}}", "template: t:1: undefined variable \"$x\""),
                Arguments.of("a\n{{.a\n", "template: t:3: unclosed action started at t:2"),
                Arguments.of("{{.a } }}", "template: t:1: unexpected \"}\" in operand"),
                Arguments.of("{{f (f 1}}", "template: t:1: unclosed left paren"),
                Arguments.of("{{f 1 | 2}}", "template: t:1: non executable command in pipeline stage 2"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorsCarryGosText(String text, String message) {
        ParseException e = assertThrows(ParseException.class, () -> parse(text));
        assertEquals(message, e.getMessage());
    }
}
