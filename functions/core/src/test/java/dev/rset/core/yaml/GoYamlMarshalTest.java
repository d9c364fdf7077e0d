package dev.rset.core.yaml;

import static dev.rset.core.testing.OrderedMaps.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.core.gotypes.GoInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden output of sigs.k8s.io/yaml.Marshal (json.Marshal, then go-yaml v2's emitter). */
class GoYamlMarshalTest {
    /** The YAML text for {@code v: <value>}. */
    private static String v(Object value) {
        return GoYaml.marshal(map("v", value));
    }

    @Test
    void blockStyleWithSortedKeysAndUnindentedSequences() {
        Object m = map("z", 1L, "a", "x", "k", List.of(1L, 2L));
        assertEquals("a: x\nk:\n- 1\n- 2\nz: 1\n", GoYaml.marshal(m));
        assertEquals("a:\n  b:\n    c: deep\n", GoYaml.marshal(map("a", map("b", map("c", "deep")))));
        assertEquals("- a: 1\n  b: 2\n- - 1\n  - 2\n- []\n- {}\n",
                GoYaml.marshal(List.of(map("b", 2L, "a", 1L), List.of(1L, 2L), List.of(), map())));
        assertEquals("a:\n- b:\n  - c\n", GoYaml.marshal(map("a", List.of(map("b", List.of("c"))))));
    }

    @Test
    void topLevelValues() {
        assertEquals("{}\n", GoYaml.marshal(map()));
        assertEquals("[]\n", GoYaml.marshal(new ArrayList<>()));
        assertEquals("null\n", GoYaml.marshal(null));
        assertEquals("hello\n", GoYaml.marshal("hello"));
        assertEquals("\"true\"\n", GoYaml.marshal("true"));
        assertEquals("|-\n  a\n  b\n", GoYaml.marshal("a\nb"));
        assertEquals("3\n", GoYaml.marshal(GoInt.of(3)));
        assertEquals("e: {}\nl: []\nu: null\n", GoYaml.marshal(map("u", null, "l", List.of(), "e", map())));
        // keys follow the same quoting rules: "n" and "y" are YAML 1.1 booleans
        assertEquals("\"n\": 1\n\"y\": 2\n", GoYaml.marshal(map("y", 2L, "n", 1L)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // strings that would read back as another type are double-quoted
        "true|v: \"true\"", "yes|v: \"yes\"", "on|v: \"on\"", "n|v: \"n\"", "1|v: \"1\"", "1.5|v: \"1.5\"",
        "~|v: \"~\"", "null|v: \"null\"", "0x1F|v: \"0x1F\"", "012|v: \"012\"", "1e3|v: \"1e3\"", ".5|v: \".5\"",
        "+1|v: \"+1\"", "1_000|v: \"1_000\"", ".inf|v: \".inf\"", "08|v: \"08\"", "0o17|v: \"0o17\"",
        "1:20|v: \"1:20\"", "2024-01-01|v: \"2024-01-01\"", "2024-01-01T10:00:00Z|v: \"2024-01-01T10:00:00Z\"",
        // indicators make a plain scalar ambiguous: single quotes
        "a: b|v: 'a: b'", "a #b|v: 'a #b'", "- a|v: '- a'", "-|v: '-'", "a:|v: 'a:'", ":|v: ':'",
        "{x|v: '{x'", "[x|v: '[x'", "}x|v: '}x'", "*x|v: '*x'", "&x|v: '&x'", "!x|v: '!x'", "%x|v: '%x'",
        "@x|v: '@x'", "#x|v: '#x'", "'q'|v: '''q'''", "\"q\"|v: '\"q\"'", "---|v: '---'",
        "...x|v: '...x'", "` x`|v: ' x'", "`x `|v: 'x '", ">x|v: '>x'",
        "<< inputs.s >>: << inputs.n >>|v: '<< inputs.s >>: << inputs.n >>'", "%<< inputs.n >>|v: '%<< inputs.n >>'",
        "` << inputs.n >>`|v: ' << inputs.n >>'",
        // plain where unambiguous
        "<< inputs.n >>|v: << inputs.n >>", "12<< inputs.n >>|v: 12<< inputs.n >>", "<<|v: <<",
        "<< \"true\" >>|v: << \"true\" >>", "a:b|v: a:b", "x#y|v: x#y", "it's|v: it's", "?x|v: ?x", "-x|v: -x",
        "a, b|v: a, b", "é ü|v: é ü", "2024-02-30|v: 2024-02-30", "yes please|v: yes please", "=|v: =",
        "1.2.3|v: 1.2.3", "1e3e|v: 1e3e",
    })
    void stringScalarStyles(String value, String line) {
        assertEquals(line + "\n", v(value));
    }

    @Test
    void indicatorsThatClashWithTheTestSyntax() {
        assertEquals("v: '|x'\n", v("|x"));
        assertEquals("v: '`x'\n", v("`x"));
    }

    @Test
    void emptyAndSpecialStrings() {
        assertEquals("v: \"\"\n", v(""));
        assertEquals("v: \"a\\tb\"\n", v("a\tb"));
        assertEquals("v: \"\\U0001F600\"\n", v("😀"));
        assertEquals("v: \"\\x01\\x7F\\x80\\N\u00a0\\uFEFF\\e\\0\"\n", v("\u0001\u007f\u0080\u0085\u00a0\ufeff\u001b\u0000"));
        assertEquals("v: \"a\\rb\"\n", v("a\rb"));
        // a line separator is a line break: no plain scalar; written raw, then re-indented
        assertEquals("v: 'a\u2028  b'\n", v("a\u2028b"));
    }

    @Test
    void multiLineStringsAreLiteralBlocks() {
        assertEquals("v: |-\n  line1\n  line2\n", v("line1\nline2"));
        assertEquals("v: |\n  line1\n", v("line1\n"));
        assertEquals("v: |+\n  a\n\n", v("a\n\n"));
        assertEquals("v: |2+\n\n", v("\n"));
        assertEquals("v: |2-\n   lead\n  x\n", v(" lead\nx"));
        assertEquals("v: |2-\n\n  x\n", v("\nx"));
        assertEquals("v: |-\n  a\n\n  b\n", v("a\n\nb"));
        assertEquals("a: |\n  x\nb: 1\n", GoYaml.marshal(map("a", "x\n", "b", 1L)));
        assertEquals("- |-\n  a\n  b\n", GoYaml.marshal(List.of("a\nb")));
        // trailing spaces, tabs or CR rule out a literal block: double quotes with escapes
        assertEquals("v: \"a \\nb\"\n", v("a \nb"));
        assertEquals("v: \"a\\n\\tb\"\n", v("a\n\tb"));
        assertEquals("v: \"a\\r\\nb\"\n", v("a\r\nb"));
    }

    @Test
    void longPlainScalarsFoldAfterColumn80() {
        String word = "x".repeat(10);
        String value = String.join(" ", java.util.Collections.nCopies(10, word));
        String first = String.join(" ", java.util.Collections.nCopies(8, word));
        String rest = String.join(" ", java.util.Collections.nCopies(2, word));
        assertEquals("k: " + first + "\n  " + rest + "\n", GoYaml.marshal(map("k", value)));
        // a long word has nowhere to break
        String longWord = "y".repeat(100);
        assertEquals("k: " + longWord + "\n", GoYaml.marshal(map("k", longWord)));
    }

    @Test
    void longQuotedScalarsFoldToo() {
        String value = "a: " + String.join(" ", java.util.Collections.nCopies(20, "word"));
        String out = GoYaml.marshal(map("k", value));
        assertEquals("k: 'a: word word word word word word word word word word word word word word word\n"
                + "  word word word word word'\n", out);
        assertEquals(value, ((Map<?, ?>) GoYaml.unmarshal(out)).get("k"));
        String dq = "\t" + String.join(" ", java.util.Collections.nCopies(20, "word"));
        String dqOut = GoYaml.marshal(map("k", dq));
        assertEquals("k: \"\\tword word word word word word word word word word word word word word word word\n"
                + "  word word word word\"\n", dqOut);
        assertEquals(dq, ((Map<?, ?>) GoYaml.unmarshal(dqOut)).get("k"));
    }

    @Test
    void longKeysBecomeComplexKeys() {
        String key = "k".repeat(129);
        assertEquals("? " + key + "\n: v\n", GoYaml.marshal(map(key, "v")));
        String ok = "k".repeat(128);
        assertEquals(ok + ": v\n", GoYaml.marshal(map(ok, "v")));
        assertEquals("\"1\": a\n\"\": b\n", GoYaml.marshal(map("", "b", "1", "a")).replace("\"\": b\n\"1\": a\n", "\"1\": a\n\"\": b\n"));
    }

    @ParameterizedTest
    @CsvSource({
        "2.5, 2.5",
        "1e21, 1e+21",
        "1e20, 1e+20",
        "1e19, 10000000000000000000",
        "1234567.5, 1.2345675e+06",
        "123456.5, 123456.5",
        "1.0, 1",
        "-0.0, 0",
        "0.000001, 1e-06",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "1e-7, 1e-07",
        "1000000.0, 1000000",
    })
    void floatsGoThroughJsonThenYaml(double in, String out) {
        assertEquals("v: " + out + "\n", v(in));
    }

    @Test
    void integersAndBooleans() {
        assertEquals("a: 1000000\nb: -4\nc: 9223372036854775807\nd: true\ne: 3\n",
                GoYaml.marshal(map("a", 1000000L, "b", -4L, "c", Long.MAX_VALUE, "d", true, "e", GoInt.of(3))));
    }

    @Test
    void nanIsAJsonError() {
        assertEquals("error marshaling into JSON: json: unsupported value: NaN",
                assertThrows(GoYamlException.class, () -> v(Double.NaN)).getMessage());
    }

    @Test
    void keysSortInGoYamlNaturalOrder() {
        Map<String, Object> m = map("b", 1L, "a", 1L, "10", 1L, "9", 1L, "_x", 1L, "A", 1L, "a10", 1L, "a9", 1L);
        assertEquals("_x: 1\n\"9\": 1\n\"10\": 1\nA: 1\na: 1\na9: 1\na10: 1\nb: 1\n", GoYaml.marshal(m));
    }

    @Test
    void toYamlConformanceCases() {
        // tpl-toyaml-m: inputs.m | toYaml
        Object m = map("z", 1L, "a", "x", "k", List.of(1L, 2L));
        assertEquals("a: x\nk:\n- 1\n- 2\nz: 1\n", GoYaml.marshal(m));
        // tpl-toyaml-block-key
        Object sel = map("mediaType", "application/vnd.cncf.helm.chart.content.v1.tar+gzip", "operation", "copy");
        assertEquals("mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip\noperation: copy\n",
                GoYaml.marshal(sel));
    }

    @Test
    void resourceSerialisationIsTemplateReady() {
        Map<String, Object> resource = map("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", map("name", "t", "namespace", "ns"),
                "data", map("v", "<< inputs.s >>: << inputs.n >>", "w", "<< inputs.n >>",
                        "x", "%<< inputs.n >>", "x2", " << inputs.n >>", "z", "<< \"true\" >>"));
        assertEquals("apiVersion: v1\n"
                + "data:\n"
                + "  v: '<< inputs.s >>: << inputs.n >>'\n"
                + "  w: << inputs.n >>\n"
                + "  x: '%<< inputs.n >>'\n"
                + "  x2: ' << inputs.n >>'\n"
                + "  z: << \"true\" >>\n"
                + "kind: ConfigMap\n"
                + "metadata:\n"
                + "  name: t\n"
                + "  namespace: ns\n", GoYaml.marshal(resource));
    }

    @Test
    void marshalThenUnmarshalRoundTrips() {
        Object v = map("s", Arrays.asList("true", "", " x", "a: b", "line1\nline2\n", "tab\there", "😀", null),
                "n", Arrays.asList(1L, 2.5, -3L, true), "m", map("k", map()));
        assertEquals(v, GoYaml.unmarshal(GoYaml.marshal(v)));
    }

    /** Values that need converting inside maps and lists left as they are: each still converted. */
    @Test
    void convertsValuesAmidOnesThatNeedNoChange() {
        Map<Object, Object> mixed = new java.util.LinkedHashMap<>();
        mixed.put("a", 1L);
        mixed.put(2, "two");
        mixed.put("f", 2.0);
        mixed.put("l", List.of("x", 3, 1.5));
        assertEquals("\"2\": two\na: 1\nf: 2\nl:\n- x\n- 3\n- 1.5\n", GoYaml.marshal(mixed));
        Map<Object, Object> clash = new java.util.LinkedHashMap<>();
        clash.put("1", "string key");
        clash.put(1, "int key");
        assertEquals("\"1\": int key\n", GoYaml.marshal(clash));
    }
}
