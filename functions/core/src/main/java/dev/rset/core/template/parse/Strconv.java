package dev.rset.core.template.parse;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The parts of Go's {@code strconv} that read template literals: {@code Unquote},
 * {@code UnquoteChar}, {@code ParseInt}/{@code ParseUint} with base 0 and {@code ParseFloat}.
 * Failures are reported as null (Go's {@code ErrSyntax}/{@code ErrRange}); the parser turns
 * them into Go's messages.
 */
final class Strconv {
    static final String INVALID_SYNTAX = "invalid syntax";

    private Strconv() {
    }

    /** A decoded character and the input left after it. */
    record Unquoted(int value, boolean multibyte, int next) {
    }

    /**
     * {@code strconv.UnquoteChar(s[from:], quote)}; null on a syntax error. A {@code \x} or octal
     * escape yields a single byte ({@code multibyte} false).
     */
    static Unquoted unquoteChar(String s, int from, char quote) {
        if (from >= s.length()) {
            return null;
        }
        char c = s.charAt(from);
        if (c == quote && (quote == '\'' || quote == '"')) {
            return null;
        }
        if (c >= 0x80) {
            int r = s.codePointAt(from);
            return new Unquoted(r, true, from + Character.charCount(r));
        }
        if (c != '\\') {
            return new Unquoted(c, false, from + 1);
        }
        if (from + 1 >= s.length()) {
            return null;
        }
        char e = s.charAt(from + 1);
        int i = from + 2;
        switch (e) {
            case 'a':
                return new Unquoted(7, false, i);
            case 'b':
                return new Unquoted('\b', false, i);
            case 'f':
                return new Unquoted('\f', false, i);
            case 'n':
                return new Unquoted('\n', false, i);
            case 'r':
                return new Unquoted('\r', false, i);
            case 't':
                return new Unquoted('\t', false, i);
            case 'v':
                return new Unquoted(11, false, i);
            case 'x':
            case 'u':
            case 'U': {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i + n > s.length()) {
                    return null;
                }
                int v = 0;
                for (int j = 0; j < n; j++) {
                    int d = Character.digit(s.charAt(i + j), 16);
                    if (d < 0 || s.charAt(i + j) > 0x7F) {
                        return null;
                    }
                    v = (v << 4) | d;
                }
                if (e == 'x') {
                    return new Unquoted(v, false, i + n);
                }
                if (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
                    return null;
                }
                return new Unquoted(v, true, i + n);
            }
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int v = e - '0';
                if (i + 2 > s.length()) {
                    return null;
                }
                for (int j = 0; j < 2; j++) {
                    int x = s.charAt(i + j) - '0';
                    if (x < 0 || x > 7) {
                        return null;
                    }
                    v = (v << 3) | x;
                }
                if (v > 255) {
                    return null;
                }
                return new Unquoted(v, false, i + 2);
            }
            case '\\':
                return new Unquoted('\\', false, i);
            case '\'':
            case '"':
                if (e != quote) {
                    return null;
                }
                return new Unquoted(e, false, i);
            default:
                return null;
        }
    }

    /** {@code strconv.Unquote} of a double-quoted or back-quoted literal; null on a syntax error. */
    static String unquote(String lit) {
        int n = lit.length();
        if (n < 2) {
            return null;
        }
        char quote = lit.charAt(0);
        if (quote != lit.charAt(n - 1)) {
            return null;
        }
        String body = lit.substring(1, n - 1);
        if (quote == '`') {
            if (body.indexOf('`') >= 0) {
                return null;
            }
            // Go discards carriage returns inside raw strings.
            return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
        }
        if (quote != '"') {
            return null;
        }
        if (body.indexOf('\\') < 0 && body.indexOf('"') < 0 && body.indexOf('\n') < 0) {
            return body;
        }
        // Escapes may produce single bytes (\xNN), so decode to UTF-8 bytes and back.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            if (body.charAt(i) == '\n') {
                return null;
            }
            Unquoted u = unquoteChar(body, i, '"');
            if (u == null) {
                return null;
            }
            if (u.value() < 0x80 || !u.multibyte()) {
                bytes.write(u.value());
            } else {
                byte[] enc = new String(Character.toChars(u.value())).getBytes(StandardCharsets.UTF_8);
                bytes.write(enc, 0, enc.length);
            }
            i = u.next();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** {@code strconv.ParseUint(s, 0, 64)} as an unsigned value, or null. */
    static BigInteger parseUint(String s) {
        if (s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-') {
            return null;
        }
        BigInteger v = parseMagnitude(s);
        if (v == null || v.bitLength() > 64) {
            return null;
        }
        return v;
    }

    /** {@code strconv.ParseInt(s, 0, 64)}, or null. */
    static Long parseInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        String body = s;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            body = s.substring(1);
        }
        if (body.isEmpty() || body.charAt(0) == '+' || body.charAt(0) == '-') {
            return null;
        }
        BigInteger v = parseMagnitude(body);
        if (v == null) {
            return null;
        }
        if (neg) {
            v = v.negate();
        }
        if (v.bitLength() > 63) {
            return null;
        }
        return v.longValue();
    }

    /** Digits with Go's base prefixes (0b, 0o, 0x, a leading 0 for octal) and underscores. */
    private static BigInteger parseMagnitude(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int base = 10;
        String digits = s;
        if (s.charAt(0) == '0') {
            char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            if (p == 'b' || p == 'o' || p == 'x') {
                base = p == 'b' ? 2 : p == 'o' ? 8 : 16;
                digits = s.substring(2);
            } else {
                base = 8;
                digits = s.substring(1);
            }
        }
        if (!underscoreOK(s)) {
            return null;
        }
        StringBuilder clean = new StringBuilder(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '_') {
                continue;
            }
            if (c > 0x7F || Character.digit(c, base) < 0) {
                return null;
            }
            clean.append(c);
        }
        if (clean.length() == 0) {
            // "0" alone (octal prefix, no digits) is zero; "0x" and "_" are not numbers.
            return base == 8 && digits.isEmpty() ? BigInteger.ZERO : null;
        }
        return new BigInteger(clean.toString(), base);
    }

    /** Go's rule: underscores only between digits, or between a base prefix and a digit. */
    static boolean underscoreOK(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'b' || p == 'o' || p == 'x') {
                i = 2;
                saw = '0';
                hex = p == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lc = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && lc >= 'a' && lc <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /**
     * {@code strconv.ParseFloat(s, 64)}, or null on a syntax or range error. Accepts decimal and
     * hexadecimal (with mandatory {@code p} exponent) forms, underscores, inf and nan.
     */
    static Double parseFloat(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String body = s;
        boolean neg = false;
        if (body.charAt(0) == '+' || body.charAt(0) == '-') {
            neg = body.charAt(0) == '-';
            body = body.substring(1);
        }
        String lower = body.toLowerCase();
        if (lower.equals("inf") || lower.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        boolean hex = lower.startsWith("0x");
        if (!validFloatSyntax(lower, hex)) {
            return null;
        }
        if (body.indexOf('_') >= 0 && !underscoreOK(body)) {
            return null;
        }
        String clean = body.replace("_", "");
        double v;
        try {
            v = Double.parseDouble(hex ? clean : clean);
        } catch (NumberFormatException e) {
            return null;
        }
        if (Double.isInfinite(v)) {
            return null; // out of range
        }
        return neg ? -v : v;
    }

    private static boolean validFloatSyntax(String s, boolean hex) {
        int i = hex ? 2 : 0;
        int mantDigits = 0;
        boolean sawDot = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            if (c == '.') {
                if (sawDot) {
                    return false;
                }
                sawDot = true;
                continue;
            }
            boolean digit = hex ? Character.digit(c, 16) >= 0 && c < 0x80 : c >= '0' && c <= '9';
            if (!digit) {
                break;
            }
            mantDigits++;
        }
        if (mantDigits == 0) {
            return false;
        }
        if (i == s.length()) {
            return !hex; // a hexadecimal mantissa requires a 'p' exponent
        }
        char e = s.charAt(i);
        if (e != (hex ? 'p' : 'e')) {
            return false;
        }
        i++;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int expDigits = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            expDigits++;
        }
        return expDigits > 0;
    }
}
