package dev.rset.core.yaml;

import static dev.rset.core.testing.OrderedMaps.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sigs.k8s.io/yaml.Unmarshal: go-yaml v2's YAML 1.1 reading, then JSON and Kubernetes numbers. */
class GoYamlUnmarshalTest {
    private static Object v(String yamlValue) {
        Object m = GoYaml.unmarshal("v: " + yamlValue + "\n");
        return ((Map<?, ?>) m).get("v");
    }

    private static String error(String yaml) {
        return assertThrows(GoYamlException.class, () -> GoYaml.unmarshal(yaml)).getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yes|true", "Yes|true", "YES|true", "y|true", "Y|true", "on|true", "On|true", "ON|true", "true|true",
        "True|true", "TRUE|true", "no|false", "n|false", "N|false", "off|false", "OFF|false", "false|false",
        "False|false",
    })
    void yaml11Booleans(String in, boolean out) {
        assertEquals(out, v(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0x1F|31", "0X1f|31", "012|10", "0777|511", "0o17|15", "0b101|5", "-0x1F|-31", "+12|12", "1_000|1000",
        "1e3|1000", "1.0|1", "1E3|1000", "08|8", "0|0", "-0|0", "9223372036854775807|9223372036854775807",
        "1000000|1000000", "3|3",
    })
    void integersBecomeLongs(String in, long out) {
        assertEquals(out, v(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.5|2.5", "1_000.5|1000.5", "-.5|-0.5", ".5|0.5", "1.5e-3|0.0015", "1e21|1e21", "9223372036854775808|9.223372036854775808e18",
        "18446744073709551616|1.8446744073709552e19", "0x10000000000000000|1.8446744073709552e19",
        "123456789012345678901234567890|1.2345678901234568e29",
    })
    void otherNumbersBecomeDoubles(String in, double out) {
        assertEquals(out, v(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a #b|a", "'hello World: 3'|hello World: 3", "'''q'''|'q'", "'q'|q", "\"q\"|q", "2024-01-01|2024-01-01",
        "2001-12-14t21:59:43.10-05:00|2001-12-14t21:59:43.10-05:00", "<<|<<", "0x|0x", "1e|1e", "._5|._5",
        "1:20|1:20", "yes please|yes please", "nan|nan", "'true'|true", "\"1\"|1", "abc # comment|abc",
        "!!str 12|12", "!!str true|true", "! 12|12", "!custom value|value", "!!binary aGVsbG8=|hello",
        "12<<x>>|12<<x>>", "a:b|a:b", "-x|-x",
    })
    void strings(String in, String out) {
        assertEquals(out, v(in));
    }

    @Test
    void nulls() {
        for (String in : new String[] {"~", "null", "Null", "NULL", "", "!!null ''"}) {
            Map<?, ?> m = (Map<?, ?>) GoYaml.unmarshal("v: " + in + "\n");
            assertNull(m.get("v"), in);
            assertEquals(true, m.containsKey("v"), in);
        }
    }

    @Test
    void flowCollections() {
        assertEquals(List.of("b a c"), v("[b a c]"));
        assertEquals(List.of("b", "a", "c"), v("[b, a, c]"));
        assertEquals(map("a", 1L, "b", List.of()), v("{a: 1, b: []}"));
        assertEquals(map("a:1", null), v("{a:1}"));
    }

    @Test
    void explicitTags() {
        assertEquals(1L, v("!!float 1"));
        assertEquals(5L, v("!!int 0b101"));
        assertEquals(true, v("!!bool yes"));
        assertEquals("2001-12-14", v("!!timestamp 2001-12-14"));
        assertEquals("error converting YAML to JSON: yaml: cannot decode !!str `x` as a !!int", error("v: !!int x"));
        assertEquals("error converting YAML to JSON: yaml: cannot decode !!int `1` as a !!bool", error("v: !!bool 1"));
        assertEquals("error converting YAML to JSON: yaml: cannot decode !!float `1.5` as a !!int",
                error("v: !!int 1.5"));
        assertEquals("error converting YAML to JSON: yaml: !!binary value contains invalid base64 data",
                error("v: !!binary '!!'"));
    }

    @Test
    void mapsKeepJsonKeyOrderAndStringifyKeys() {
        Object m = GoYaml.unmarshal("b: 1\na: 2\n1: x\ntrue: t\n1.5: z\n-3: w\n0x10: h\n");
        assertEquals(map("-3", "w", "1", "x", "1.5", "z", "16", "h", "a", 2L, "b", 1L, "true", "t"), m);
        assertEquals(List.of("-3", "1", "1.5", "16", "a", "b", "true"), List.copyOf(((Map<?, ?>) m).keySet()));
        assertEquals(map("1e+21", 1L), GoYaml.unmarshal("1e21: 1"));
        assertEquals(map(".inf", 1L), GoYaml.unmarshal(".inf: 1"));
    }

    @Test
    void unsupportedKeysAreConversionErrors() {
        assertEquals("error converting YAML to JSON: unsupported map key of type: <nil>, key: <nil>, value: \"a\"",
                error("~: a"));
        assertEquals("error converting YAML to JSON: unsupported map key of type: uint64, key: 0x8000000000000000, "
                + "value: 1", error("9223372036854775808: 1"));
        assertEquals("error converting YAML to JSON: yaml: invalid map key: []interface {}{\"a\"}", error("[a]: b"));
        assertEquals("error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\"a\":\"b\"}",
                error("{a: b}: c"));
    }

    @Test
    void duplicateKeysLastWins() {
        assertEquals(map("a", 2L), GoYaml.unmarshal("a: 1\na: 2\n"));
    }

    @Test
    void nonFiniteFloatsCannotBecomeJson() {
        assertEquals("error converting YAML to JSON: json: unsupported value: +Inf", error("v: .inf"));
        assertEquals("error converting YAML to JSON: json: unsupported value: -Inf", error("v: -.Inf"));
        assertEquals("error converting YAML to JSON: json: unsupported value: NaN", error("v: .NaN"));
    }

    @Test
    void anchorsAliasesAndMerges() {
        Object m = GoYaml.unmarshal("a: &x {p: 1, q: [1]}\nb: *x\nc:\n  <<: *x\n  q: 2\nd:\n  p: 0\n  <<: *x\n");
        assertEquals(map("a", map("p", 1L, "q", List.of(1L)), "b", map("p", 1L, "q", List.of(1L)),
                "c", map("p", 1L, "q", 2L), "d", map("p", 1L, "q", List.of(1L))), m);
        Object seq = GoYaml.unmarshal("a: &a {x: 1, w: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n");
        assertEquals(map("w", 1L, "x", 1L, "z", 2L), ((Map<?, ?>) seq).get("c"));
        assertEquals(map("<<", "x"), GoYaml.unmarshal("'<<': x"));
        assertEquals("error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value",
                error("a: &s [1]\nb:\n  <<: *s\n"));
        assertEquals("error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value",
                error("b:\n  <<: 1\n"));
    }

    @Test
    void aliasErrors() {
        assertEquals("error converting YAML to JSON: yaml: unknown anchor 'y' referenced", error("a: *y"));
        assertEquals("error converting YAML to JSON: yaml: anchor 'x' value contains itself", error("a: &x [*x]"));
    }

    @Test
    void excessiveAliasingIsRefused() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'h'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                sb.append(i > 0 ? ", " : "").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        assertEquals("error converting YAML to JSON: yaml: document contains excessive aliasing", error(sb.toString()));
    }

    @Test
    void onlyTheFirstDocumentIsRead() {
        assertEquals(map("a", 1L), GoYaml.unmarshal("a: 1\n---\nb: 2\n"));
        assertEquals(map("a", 1L), GoYaml.unmarshal("---\na: 1\n---\nb: [\n"));
        assertNull(GoYaml.unmarshal(""));
        assertNull(GoYaml.unmarshal("# nothing\n"));
        assertNull(GoYaml.unmarshal("---\n"));
        assertEquals("text", GoYaml.unmarshal("text"));
        assertEquals(List.of(1L, "two"), GoYaml.unmarshal("- 1\n- two"));
    }

    @Test
    void templateRenderingConformance() {
        // what rendered resources read back as (tpl-print-*, tpl-scalar-*, tpl-ser-* cases)
        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) GoYaml.unmarshal("apiVersion: v1\nkind: ConfigMap\n"
                + "data:\n  b: true\n  empty: \n  exp: 1000\n  hex: 0x1F\n  n: 3\n  num: 123\n  onef: 1.0\n"
                + "  yes: yes\n  'n': n\n  s01: n\n  s04: True\n  s07: 1_000\n  s10: -.5\n  s13: Null\n  s16: 0777\n"
                + "  s19: 'q'\n  colon: 'hello World: 3'\n  lead: ' 3'\n  pct: '%3'\n  tl: true\n")).get("data");
        assertEquals(map("b", true, "colon", "hello World: 3", "empty", null, "exp", 1000L, "hex", 31L, "lead", " 3",
                "n", false, "false", 3L, "num", 123L, "onef", 1L, "pct", "%3", "s01", false, "s04", true, "s07", 1000L, "s10", -0.5,
                "s13", null, "s16", 511L, "s19", "q", "tl", true, "true", true), data);
        assertInstanceOf(Long.class, data.get("onef"));
    }

    @Test
    void literalBlocksAndFolding() {
        assertEquals("a\nb\n", v("|\n  a\n  b"));
        assertEquals("a\nb", v("|-\n  a\n  b"));
        assertEquals("a b\n", v(">\n  a\n  b"));
        assertEquals("a b", v("a\n  b"));
    }

    @Test
    void listOfMixedValues() {
        assertEquals(Arrays.asList(1L, 2.5, "x", null, true), GoYaml.unmarshal("[1, 2.5, x, ~, on]"));
    }
}
