package dev.rset.core.yaml;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv} float formatting, which both encoding/json and go-yaml use. Java's
 * {@code Double.toString} is not guaranteed to give the shortest round-trip digits before JDK 19,
 * so the digits are searched for explicitly.
 */
final class GoFloats {
    private GoFloats() {
    }

    /** Shortest decimal digits that read back as {@code f}, and the decimal point position. */
    record Digits(String digits, int pointPos, boolean negative) {
        /** The decimal exponent of the first digit, as in d.ddd × 10^exp. */
        int exponent() {
            return pointPos - 1;
        }
    }

    static Digits shortest(double f) {
        boolean neg = f < 0 || (f == 0 && 1 / f < 0);
        double abs = Math.abs(f);
        if (abs == 0) {
            return new Digits("0", 1, neg);
        }
        // Round the exact binary value (not Java's own decimal digits, which Formatter would
        // round a second time) to ever more digits until it reads back as the same double.
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal r = exact;
        for (int precision = 1; precision <= 17; precision++) {
            r = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == abs) {
                break;
            }
        }
        BigDecimal stripped = r.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Digits(digits, digits.length() - stripped.scale(), neg);
    }

    /**
     * {@code strconv.FormatFloat(f, 'g', -1, 64)}, which go-yaml v2 uses for floats: with the
     * shortest precision strconv switches to %e when the exponent is below -4 or at least 6, so
     * 1234567.5 prints as {@code 1.2345675e+06}.
     */
    static String formatG(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        Digits d = shortest(f);
        int exp = d.exponent();
        return exp < -4 || exp >= 6 ? formatE(d) : formatF(d);
    }

    /**
     * {@code strconv.FormatFloat(f, 'g', -1, 32)}: the shortest digits of {@code f} as a float32.
     * sigs.k8s.io/yaml uses it for float map keys and for floats written where a string belongs.
     */
    static String formatG32(double f) {
        float v = (float) f;
        if (Float.isNaN(v)) {
            return "NaN";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        Digits d = shortest32(v);
        int exp = d.exponent();
        return exp < -4 || exp >= 6 ? formatE(d) : formatF(d);
    }

    private static Digits shortest32(float f) {
        boolean neg = f < 0 || (f == 0 && 1 / f < 0);
        float abs = Math.abs(f);
        if (abs == 0) {
            return new Digits("0", 1, neg);
        }
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal r = exact;
        for (int precision = 1; precision <= 9; precision++) {
            r = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(r.toString()) == abs) {
                break;
            }
        }
        BigDecimal stripped = r.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Digits(digits, digits.length() - stripped.scale(), neg);
    }

    /** encoding/json's float64 encoding: 'f' format unless the magnitude is below 1e-6 or at least 1e21. */
    static String formatJson(double f) {
        double abs = Math.abs(f);
        Digits d = shortest(f);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String s = formatE(d);
            // Go trims "e-07" to "e-7" (but keeps a two-digit positive exponent).
            int n = s.length();
            if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
                s = s.substring(0, n - 2) + s.charAt(n - 1);
            }
            return s;
        }
        return formatF(d);
    }

    /** %e with the shortest digits: d[.ddd]e±XX, at least two exponent digits. */
    static String formatE(Digits d) {
        StringBuilder sb = new StringBuilder();
        if (d.negative()) {
            sb.append('-');
        }
        String digits = d.digits();
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        int exp = d.exponent();
        sb.append('e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) {
            sb.append('0');
        }
        return sb.append(ae).toString();
    }

    /** %f with the shortest digits and no exponent. */
    static String formatF(Digits d) {
        String plain = new BigDecimal(new java.math.BigInteger(d.digits()), d.digits().length() - d.pointPos())
                .toPlainString();
        return (d.negative() ? "-" : "") + plain;
    }
}
