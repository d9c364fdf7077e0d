package dev.rset.core.gotypes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Go's {@code fmt} printing of template values. */
public final class GoFormat {
    private GoFormat() {
    }

    /** {@code fmt.Sprint(v)}, i.e. the {@code %v} verb. */
    public static String sprint(Object v) {
        StringBuilder sb = new StringBuilder();
        appendValue(sb, v, true);
        return sb.toString();
    }

    /** {@code strconv.FormatFloat(f, 'g', -1, 64)} as {@code %v} uses it. */
    public static String formatFloat(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        // Shortest round-trip digits, as strconv does.
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(f)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale(); // decimal exponent of the first digit
        String sign = f < 0 ? "-" : "";
        // %v is %g with the shortest digits, where Go switches to %e from exponent 6 on
        // (1e+06), not from 21 (that is encoding/json's threshold).
        if (exp < -4 || exp >= 6) {
            StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                sb.append('0');
            }
            return sb.append(ae).toString();
        }
        return sign + d.abs().toPlainString();
    }

    private static void appendValue(StringBuilder sb, Object v, boolean top) {
        if (v == null) {
            sb.append("<nil>");
        } else if (v instanceof String s) {
            sb.append(s);
        } else if (v instanceof Double d) {
            sb.append(formatFloat(d));
        } else if (v instanceof Map<?, ?> m) {
            sb.append("map[");
            List<String> keys = new ArrayList<>();
            for (Object k : m.keySet()) {
                keys.add((String) k);
            }
            Collections.sort(keys);
            boolean first = true;
            for (String k : keys) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(k).append(':');
                appendValue(sb, m.get(k), false);
            }
            sb.append(']');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                appendValue(sb, l.get(i), false);
            }
            sb.append(']');
        } else if (v instanceof GoValue g) {
            sb.append(g.goString());
        } else {
            sb.append(v);
        }
    }
}
