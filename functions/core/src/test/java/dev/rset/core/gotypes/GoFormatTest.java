package dev.rset.core.gotypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GoFormatTest {

    static Stream<String> floats() {
        return Arrays.stream(GoldenFloatCases.ALL);
    }

    /** Shortest and fixed-precision float formatting against Go for awkward doubles. */
    @ParameterizedTest
    @MethodSource("floats")
    void floatFormattingMatchesGo(String line) {
        int space = line.indexOf(' ');
        double f = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, space), 16));
        String expected = line.substring(space + 1);
        String actual = GoFormat.sprintf("%v|%e|%.3f|%g|%.10g|%.0e|%.17g|%x|%.2x|%b|%G|%.1f|%#g",
                f, f, f, f, f, f, f, f, f, f, f, f, f);
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.5|2.5",
        "1000000|1e+06",
        "100000|100000",
        "1e21|1e+21",
        "0.0001|0.0001",
        "0.00001|1e-05",
        "123456789|1.23456789e+08",
        "0.1|0.1",
        "-0.0|-0",
    })
    void formatFloatIsPercentV(double f, String expected) {
        assertEquals(expected, GoFormat.formatFloat(f));
        assertEquals(expected, GoFormat.sprint(f));
    }

    @Test
    void sprintOfValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1L);
        m.put("a", "x");
        m.put("k", List.of(1L, 2L));
        m.put("n", null);
        assertEquals("map[a:x k:[1 2] n:<nil> z:1]", GoFormat.sprint(m));
        assertEquals("[a <nil> 2.5 true]", GoFormat.sprint(Arrays.asList("a", null, 2.5, true)));
        assertEquals("<nil>", GoFormat.sprint(null));
        assertEquals("[a b]", GoFormat.sprint(GoTypedList.strings(List.of("a", "b"))));
        assertEquals("7", GoFormat.sprint(GoInt.of(7)));
    }

    @Test
    void sprintArgsSpacesOnlyBetweenNonStrings() {
        assertEquals("a1 2b3 <nil> <nil>", GoFormat.sprintArgs("a", 1L, 2L, "b", 3.0, null, null));
        assertEquals("ab", GoFormat.sprintArgs("a", "b"));
        assertEquals("", GoFormat.sprintArgs());
    }

    @Test
    void sprintlnAlwaysSpaces() {
        assertEquals("a 1 b\n", GoFormat.sprintln("a", GoInt.of(1), "b"));
        assertEquals("\n", GoFormat.sprintln());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', ignoreLeadingAndTrailingWhitespace = false, value = {
        "%d|%!d(string=hi)",
        "%v %v|hi %!v(MISSING)",
        "%s|hi",
        "%s %d|hi %!d(MISSING)",
        "''|%!(EXTRA string=hi)",
        "%|%!(NOVERB)%!(EXTRA string=hi)",
        "%q|\"hi\"",
        "%x|6869",
        "%5.1s|    h",
        "%-4s|hi  ",
        "%T|string",
        "%[2]s|%!s(BADINDEX)",
    })
    void sprintfErrorForms(String format, String expected) {
        assertEquals(expected, GoFormat.sprintf(format, "hi"));
    }

    @Test
    void sprintfVerbsOnIntegers() {
        GoInt i = GoInt.of(255);
        assertEquals("255|ff|FF|377|0o377|11111111|0xff|+255|  255|00255|ÿ|'ÿ'|U+00FF",
                GoFormat.sprintf("%d|%x|%X|%o|%O|%b|%#x|%+d|%5d|%05d|%c|%q|%U", i, i, i, i, i, i, i, i, i, i, i, i, i));
        assertEquals("-9223372036854775808", GoFormat.sprintf("%d", Long.MIN_VALUE));
        assertEquals("%!f(int64=1)", GoFormat.sprintf("%f", 1L));
    }

    @Test
    void quoteFollowsStrconv() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\x00\\u00a0é😀\"", GoFormat.quote("a\"b\\c\n\t\u0000\u00a0é😀"));
        assertEquals("\"\\u00e9\\U0001f600\"", GoFormat.quoteToASCII("é😀"));
        assertEquals("'\\''", GoFormat.quoteRune('\''));
        assertEquals("'\\x7f'", GoFormat.quoteRune(0x7f));
    }

    @Test
    void isPrintExcludesSpacesAndFormatCharacters() {
        assertTrue(GoFormat.isPrint(' '));
        assertTrue(GoFormat.isPrint('é'));
        assertTrue(!GoFormat.isPrint(0xA0));
        assertTrue(!GoFormat.isPrint(0xAD));
        assertTrue(!GoFormat.isPrint(0x2028));
        assertTrue(GoFormat.isPrint(0x1F600));
    }

    /** Go orders strings by UTF-8 bytes: a supplementary character sorts after every BMP one. */
    @Test
    void compareStringsUsesCodePointOrder() {
        List<String> s = new ArrayList<>(List.of("\uFFFF", "😀", "a", "B", ""));
        s.sort(GoFormat::compareStrings);
        assertEquals(List.of("", "B", "a", "\uFFFF", "😀"), s);
        assertTrue("😀".compareTo("\uFFFF") < 0, "Java's own order differs");
    }

    @Test
    void runeCountCountsCodePoints() {
        assertEquals(3, GoFormat.runeCount("a😀é"));
    }
}
