package dev.rset.core.yaml;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Go's {@code strconv} integer and float syntax as go-yaml v2's resolver applies it. */
final class GoNumberSyntax {
    /** go-yaml v2's {@code yamlStyleFloat}. */
    private static final Pattern YAML_STYLE_FLOAT =
            Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern LEADING_DOT_FLOAT = Pattern.compile("^\\.[0-9]+([eE][-+]?[0-9]+)?$");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GoNumberSyntax() {
    }

    /**
     * The value of {@code s} under {@code strconv.ParseInt(s, 0, 64)}'s grammar (sign, 0x/0o/0b
     * prefixes, a leading 0 meaning octal) without any range limit; null for a syntax error.
     */
    static BigInteger parseBase0(String s, boolean allowSign) {
        boolean neg = false;
        if (allowSign && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return null;
        }
        int base = 10;
        if (s.charAt(0) == '0') {
            char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            if (p == 'b' || p == 'o' || p == 'x') {
                base = p == 'b' ? 2 : p == 'o' ? 8 : 16;
                s = s.substring(2);
            } else {
                base = 8;
                s = s.substring(1);
            }
        }
        BigInteger n = BigInteger.ZERO;
        BigInteger b = BigInteger.valueOf(base);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                d = Character.toLowerCase(c) - 'a' + 10;
            } else {
                return null;
            }
            if (d >= base) {
                return null;
            }
            n = n.multiply(b).add(BigInteger.valueOf(d));
        }
        return neg ? n.negate() : n;
    }

    static boolean fitsInt64(BigInteger v) {
        return v.bitLength() < 64;
    }

    static boolean fitsUint64(BigInteger v) {
        return v.signum() >= 0 && v.compareTo(UINT64_MAX) <= 0;
    }

    /** A YAML-style decimal float ({@code 1e3}, {@code -.5}, {@code 08}) that parses to a finite double. */
    static Double yamlStyleFloat(String plain) {
        if (!YAML_STYLE_FLOAT.matcher(plain).matches()) {
            return null;
        }
        double d = Double.parseDouble(plain);
        return Double.isInfinite(d) ? null : d;
    }

    /**
     * {@code strconv.ParseFloat} for a scalar starting with '.', where Go only accepts a decimal
     * mantissa and exponent (underscores only between digits).
     */
    static Double leadingDotFloat(String in) {
        String s = in;
        if (s.indexOf('_') >= 0) {
            if (!underscoresBetweenDigits(s)) {
                return null;
            }
            s = s.replace("_", "");
        }
        if (!LEADING_DOT_FLOAT.matcher(s).matches()) {
            return null;
        }
        double d = Double.parseDouble(s);
        return Double.isInfinite(d) ? null : d;
    }

    private static boolean underscoresBetweenDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '_') {
                boolean before = i > 0 && Character.isDigit(s.charAt(i - 1));
                boolean after = i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
                if (!before || !after) {
                    return false;
                }
            }
        }
        return true;
    }
}
