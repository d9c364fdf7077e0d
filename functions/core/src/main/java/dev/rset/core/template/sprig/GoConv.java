package dev.rset.core.template.sprig;

import dev.rset.core.gotypes.GoFormat;
import dev.rset.core.gotypes.GoInt;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * slim-sprig's value conversions ({@code toInt64}, {@code toFloat64}, {@code strval}) and the
 * {@code strconv} parsers they rely on. slim-sprig v3 dropped spf13/cast: strings go through
 * {@code strconv.ParseInt(s, 10, 64)} / {@code ParseFloat}, so {@code "0x1F"} and {@code "1e3"}
 * are 0 for {@code int}, and any parse error yields 0.
 */
final class GoConv {
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Pattern DECIMAL_FLOAT =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");
    private static final Pattern INFINITY = Pattern.compile("[+-]?(?i:inf|infinity)");

    private GoConv() {
    }

    /** The outcome of {@code strconv.ParseInt}: a value, and whether it failed and why. */
    record ParsedInt(long value, boolean syntaxError, boolean rangeError) {
        boolean ok() {
            return !syntaxError && !rangeError;
        }
    }

    /** {@code strconv.ParseInt(s, base, 64)} for an explicit base (no prefixes, no underscores). */
    static ParsedInt parseInt(String s, int base) {
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i = 1;
        }
        if (i == s.length()) {
            return new ParsedInt(0, true, false);
        }
        for (int j = i; j < s.length(); j++) {
            if (Character.digit(s.charAt(j), base) < 0 || s.charAt(j) > 'z') {
                return new ParsedInt(0, true, false);
            }
        }
        BigInteger v = new BigInteger(s.charAt(0) == '+' ? s.substring(1) : s, base);
        if (v.compareTo(MAX) > 0) {
            return new ParsedInt(Long.MAX_VALUE, false, true);
        }
        if (v.compareTo(MIN) < 0) {
            return new ParsedInt(Long.MIN_VALUE, false, true);
        }
        return new ParsedInt(v.longValue(), false, false);
    }

    /** {@code strconv.ParseFloat(s, 64)}; null when Go reports an error (syntax or range). */
    static Double parseFloat(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (INFINITY.matcher(s).matches()) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (s.indexOf('_') >= 0) {
            if (!underscoresOk(s)) {
                return null;
            }
            s = s.replace("_", "");
        }
        if (!DECIMAL_FLOAT.matcher(s).matches() && !HEX_FLOAT.matcher(s).matches()) {
            return null;
        }
        double d = Double.parseDouble(s);
        // Go reports overflow as an error; sprig then falls back to 0.
        return Double.isInfinite(d) ? null : d;
    }

    /** strconv's rule for digit separators: each underscore between two digits (or prefix and digit). */
    private static boolean underscoresOk(String s) {
        int i = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        char saw = '^'; // ^ start, 0 digit or base prefix, _ underscore, ! anything else
        boolean hex = false;
        if (s.length() >= i + 2 && s.charAt(i) == '0' && "xXbBoO".indexOf(s.charAt(i + 1)) >= 0) {
            hex = s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X';
            i += 2;
            saw = '0';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && Character.digit(c, 16) >= 0 && c < 0x80) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    /** slim-sprig {@code toInt64}: numbers convert, bools are 1/0, strings parse base 10, else 0. */
    static long toInt64(Object v) {
        if (v instanceof String s) {
            ParsedInt p = parseInt(s, 10);
            return p.ok() ? p.value() : 0;
        }
        if (v instanceof GoInt || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d) {
            return goFloatToInt64(d);
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof GoDuration d) {
            return d.nanos();
        }
        return 0;
    }

    /** slim-sprig {@code toFloat64}. */
    static double toFloat64(Object v) {
        if (v instanceof String s) {
            Double d = parseFloat(s);
            return d == null ? 0 : d;
        }
        if (v instanceof GoInt || v instanceof Long || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof GoDuration d) {
            return d.nanos();
        }
        return 0;
    }

    /**
     * Go's {@code int64(f)} on amd64 (the CVTTSD2SI instruction): NaN and out-of-range values
     * become the "integer indefinite" value, math.MinInt64, where Java would saturate.
     */
    static long goFloatToInt64(double d) {
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    /** {@code strconv.Atoi}, keeping the clamped value on overflow as {@code i, _ := Atoi(s)} does. */
    static long atoi(String s) {
        ParsedInt p = parseInt(s, 10);
        return p.syntaxError() ? 0 : p.value();
    }

    /** sprig {@code strval}: strings as-is, Stringers and everything else through {@code %v}. */
    static String strval(Object v) {
        return GoFormat.sprint(v);
    }
}
