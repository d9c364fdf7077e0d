package dev.rset.core.yaml;

import static dev.rset.core.testing.OrderedMaps.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoKind;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoJsonTest {
    @Test
    void marshalSortsKeysAndEscapesHtml() {
        Object v = map("b", 1L, "a", Arrays.asList(true, null, 2.5, "<x>&"));
        assertEquals("{\"a\":[true,null,2.5,\"\\u003cx\\u003e\\u0026\"],\"b\":1}", GoJson.marshal(v, true));
        assertEquals("{\"a\":[true,null,2.5,\"<x>&\"],\"b\":1}", GoJson.marshal(v, false));
    }

    @Test
    void marshalEscapesControlsAndLineSeparators() {
        assertEquals("\"\\b\\f\\n\\r\\t\\u0001\\u001f\\\"\\\\\u007f\\u2028\\u2029é😀\"",
                GoJson.marshal("\b\f\n\r\t\u0001\u001f\"\\\u007f\u2028\u2029é😀", false));
        assertEquals("\"\\ufffd\"", GoJson.marshal("\ud800", false));
    }

    @ParameterizedTest
    @CsvSource({
        "2.5, 2.5",
        "1e21, 1e+21",
        "1e20, 100000000000000000000",
        "1e-7, 1e-7",
        "0.000001, 0.000001",
        "1.5e-10, 1.5e-10",
        "100.0, 100",
        "-0.0, -0",
        "123456789.0, 123456789",
        "0.1, 0.1",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "2.8287938480615901e17, 282879384806159000",
    })
    void marshalFormatsFloatsLikeGo(double in, String out) {
        assertEquals(out, GoJson.marshal(in, true));
    }

    @Test
    void marshalRejectsNanAndInfinity() {
        assertEquals("json: unsupported value: NaN",
                assertThrows(GoJsonException.class, () -> GoJson.marshal(Double.NaN, true)).getMessage());
        assertEquals("json: unsupported value: +Inf",
                assertThrows(GoJsonException.class, () -> GoJson.marshal(List.of(Double.POSITIVE_INFINITY), true))
                        .getMessage());
    }

    @Test
    void marshalGoTypes() {
        GoTypedList strings = GoTypedList.strings(List.of("a", "b"));
        assertEquals("[1,[\"a\",\"b\"],9223372036854775807]",
                GoJson.marshal(List.of(GoInt.of(1), strings, Long.MAX_VALUE), true));
        GoValue time = value("time.Time", "2024-01-02 03:04:05.5 +0000 UTC");
        GoValue zoned = value("time.Time", "2024-01-02 03:04:05 -0700 MST m=+0.000000001");
        GoValue other = value("time.Month", "January");
        assertEquals("[\"2024-01-02T03:04:05.5Z\",\"2024-01-02T03:04:05-07:00\",\"January\"]",
                GoJson.marshal(List.of(time, zoned, other), true));
    }

    @Test
    void byteSlicesAreBase64() {
        GoTypedList bytes = new GoTypedList("uint8", List.of(GoInt.of(104), GoInt.of(105)));
        assertEquals("\"aGk=\"", GoJson.marshal(bytes, true));
        assertEquals("aGk=\n", GoYaml.marshal(bytes));
    }

    private static GoValue value(String type, String printed) {
        return new GoValue() {
            @Override
            public String goTypeName() {
                return type;
            }

            @Override
            public GoKind goKind() {
                return GoKind.STRUCT;
            }

            @Override
            public String goString() {
                return printed;
            }
        };
    }

    @Test
    void marshalIndent() {
        Object v = map("d", List.of(), "c", map(), "b", List.of(1L, 2L), "a", 1L);
        assertEquals("{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": {},\n  \"d\": []\n}",
                GoJson.marshalIndent(v, "  "));
        assertEquals("[]", GoJson.marshalIndent(new ArrayList<>(), "\t"));
    }

    @Test
    void unmarshalIntoInterface() {
        Object v = GoJson.unmarshal(" {\"a\": [1, 2.5, -3e2, true, null, \"x\\u00e9\\ud83d\\ude00\\n\"], \"b\": {}} ");
        assertEquals(map("a", Arrays.asList(1.0, 2.5, -300.0, true, null, "xé😀\n"), "b", map()), v);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x| invalid character 'x' looking for beginning of value",
        "''| unexpected end of JSON input",
        "'   '| unexpected end of JSON input",
        "{\"a\":1| unexpected end of JSON input",
        "[1,]| invalid character ']' looking for beginning of value",
        "{\"a\" 1}| invalid character '1' after object key",
        "{\"a\":1 \"b\"}| invalid character '\"' after object key:value pair",
        "[1 2]| invalid character '2' after array element",
        "1 2| invalid character '2' after top-level value",
        "01| invalid character '1' after top-level value",
        "tru| unexpected end of JSON input",
        "trux| invalid character 'x' in literal true (expecting 'e')",
        "nul1| invalid character '1' in literal null (expecting 'l')",
        "-a| invalid character 'a' in numeric literal",
        "1.a| invalid character 'a' after decimal point in numeric literal",
        "1ea| invalid character 'a' in exponent of numeric literal",
        "\"\\q\"| invalid character 'q' in string escape code",
        "\"\\u12x4\"| invalid character 'x' in \\u hexadecimal character escape",
        "{1:2}| invalid character '1' looking for beginning of object key string",
        "é| invalid character 'Ã' looking for beginning of value",
        "1e999| json: cannot unmarshal number 1e999 into Go value of type float64",
    })
    void unmarshalErrorsUseGoText(String json, String message) {
        assertEquals(message, assertThrows(GoJsonException.class, () -> GoJson.unmarshal(json)).getMessage());
    }

    @Test
    void unmarshalQuotesTheOffendingByteLikeGo() {
        assertEquals("invalid character '\\'' looking for beginning of value",
                assertThrows(GoJsonException.class, () -> GoJson.unmarshal("'a'")).getMessage());
    }

    @Test
    void unmarshalControlCharacterInString() {
        assertEquals("invalid character '\\n' in string literal",
                assertThrows(GoJsonException.class, () -> GoJson.unmarshal("\"a\nb\"")).getMessage());
    }

    @Test
    void generatedStringsRoundTrip() {
        java.util.Random r = new java.util.Random(5);
        int[] pool = {'a', '"', '\\', '/', '<', '>', '&', '\n', '\t', 0x01, 0x1f, 0x7f, 0xe9, 0x2028, 0x1F600, ' '};
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(10); n > 0; n--) {
                sb.appendCodePoint(pool[r.nextInt(pool.length)]);
            }
            String s = sb.toString();
            assertEquals(s, GoJson.unmarshal(GoJson.marshal(s, r.nextBoolean())));
        }
    }

    @Test
    void roundTrip() {
        Object v = map("k", Arrays.asList("a", 1.5, map("z", null)));
        assertEquals(v, GoJson.unmarshal(GoJson.marshal(v, true)));
    }
}
