package dev.rset.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** go-yaml v2's resolve() on untagged plain scalars: the tag and Go value it picks. */
class YamlResolverTest {
    private static YamlResolver.Resolved r(String s) {
        return YamlResolver.resolve("", s);
    }

    @Test
    void integerKinds() {
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, 31L), r("0x1F"));
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, Long.MIN_VALUE), r("-9223372036854775808"));
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, new YamlUint(new BigInteger("18446744073709551615"))),
                r("18446744073709551615"));
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, new BigInteger("295147905179352825855")),
                r("0xFFFFFFFFFFFFFFFFF"));
        assertEquals(new YamlResolver.Resolved(YamlTags.FLOAT, 1.8446744073709552e19), r("18446744073709551616"));
        assertEquals(new YamlResolver.Resolved(YamlTags.FLOAT, -9.223372036854775809e18), r("-9223372036854775809"));
        assertEquals(new YamlResolver.Resolved(YamlTags.STR, "-0x10000000000000000"), r("-0x10000000000000000"));
    }

    @Test
    void decimalIntegersAroundTheShortcut() {
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, 12L), r("+12"));
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, -7L), r("-7"));
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, 0L), r("-0"));
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, 10L), r("012"));
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, 999_999_999_999_999_999L), r("999999999999999999"));
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, Long.MAX_VALUE), r("9223372036854775807"));
        assertEquals(new YamlResolver.Resolved(YamlTags.INT, 1000L), r("1_000"));
        assertEquals(new YamlResolver.Resolved(YamlTags.STR, "-"), r("-"));
        assertEquals(new YamlResolver.Resolved(YamlTags.STR, "12a"), r("12a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001-12-14", "2001-1-2", "2001-12-14T21:59:43.10-05:00", "2001-12-14t21:59:43Z",
        "2001-12-14 21:59:43.10", "2001-12-14T21:59:43,5+01:00", "2000-02-29"})
    void timestamps(String s) {
        assertEquals(YamlTags.TIMESTAMP, r(s).tag());
        assertFalse(YamlResolver.readsAsString(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001-02-29", "2001-13-01", "2001-12-14T25:00:00Z", "2001-12-14 21:59:43 +01:00",
        "01-12-14", "2001-12-14T21:59:43", "2001-012-14", "20011-12-14"})
    void notTimestamps(String s) {
        assertTrue(YamlResolver.readsAsString(s), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:20", "-1:20:30.5", "190:20:30"})
    void base60LooksAreQuotedButReadAsStrings(String s) {
        assertTrue(YamlResolver.readsAsString(s));
        assertTrue(Base60.isBase60Float(s));
    }

    @Test
    void mergeKeyIsNotResolvedWhenPlain() {
        assertEquals(YamlTags.STR, r("<<").tag());
    }
}
