package dev.rset.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quoted and block scalar syntax that go-yaml v2's scanner accepts. */
class GoYamlScalarSyntaxTest {
    private static Object v(String yaml) {
        return ((Map<?, ?>) GoYaml.unmarshal(yaml)).get("v");
    }

    @Test
    void doubleQuotedEscapes() {
        assertEquals("A\u00e9\u263a\t\u0085\u00a0\u2028\u2029\u001b\u0000 \"\\'\t",
                v("v: \"\\x41\\u00e9\\U0000263A\\t\\N\\_\\L\\P\\e\\0\\ \\\"\\\\\\'\\\t\""));
        // what `js` renders inside double quotes
        assertEquals("it's", v("v: \"it\\'s\""));
        assertEquals("ab", v("v: \"a\\\n  b\""));
        assertEquals("a b", v("v: \"a\n  b\""));
        assertEquals("a\nb", v("v: \"a\n\n  b\""));
    }

    @Test
    void unknownEscapesAreErrors() {
        assertEquals("error converting YAML to JSON: yaml: found unknown escape character",
                org.junit.jupiter.api.Assertions.assertThrows(GoYamlException.class, () -> v("v: \"a\\/b\"")).getMessage());
    }

    @Test
    void singleQuotedFolding() {
        assertEquals("it's a b", v("v: 'it''s a\n  b'"));
    }

    @Test
    void blockScalarsWithIndicators() {
        assertEquals("  x\ny\n", v("v: |2\n    x\n  y\n"));
        assertEquals("x\n\n", v("v: |+\n  x\n\n"));
        assertEquals("a b\nc\n", v("v: >\n  a\n  b\n\n  c\n"));
    }

    @Test
    void windowsLineEndings() {
        assertEquals(Map.of("a", 1L, "b", "x"), GoYaml.unmarshal("a: 1\r\nb: x\r\n"));
    }

    @Test
    void commentsAndDocumentMarkers() {
        assertEquals(Map.of("a", "b#c", "d", "e"), GoYaml.unmarshal("%YAML 1.1\n--- # c\na: b#c # real comment\nd: e\n...\n"));
    }
}
