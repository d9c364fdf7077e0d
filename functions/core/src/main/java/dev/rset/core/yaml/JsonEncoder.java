package dev.rset.core.yaml;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Go's encoding/json encoder for template values: compact output, optionally re-indented. */
final class JsonEncoder {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final boolean escapeHtml;
    private final String indent;
    private final StringBuilder out = new StringBuilder();

    private JsonEncoder(boolean escapeHtml, String indent) {
        this.escapeHtml = escapeHtml;
        this.indent = indent;
    }

    /** {@code json.Marshal} (indent null) or {@code json.MarshalIndent(v, "", indent)}. */
    static String encode(Object v, boolean escapeHtml, String indent) {
        JsonEncoder e = new JsonEncoder(escapeHtml, indent);
        e.value(v, 0);
        return e.out.toString();
    }

    private void value(Object v, int depth) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s, escapeHtml);
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new GoJsonException("json: unsupported value: " + GoFloats.formatG(d));
            }
            out.append(GoFloats.formatJson(d));
        } else if (v instanceof GoInt || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger) {
            out.append(v);
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (v instanceof Map<?, ?> m) {
            object(m, depth);
        } else if (v instanceof GoTypedList t && "uint8".equals(t.elemType())) {
            // Go marshals []byte as a base64 string.
            string(out, base64(t), escapeHtml);
        } else if (v instanceof List<?> l) {
            array(l, depth);
        } else if (v instanceof GoValue g) {
            value(GoValueJson.jsonValue(g), depth);
        } else {
            throw new GoJsonException("json: unsupported type: " + v.getClass().getName());
        }
    }

    static String base64(List<?> bytes) {
        byte[] b = new byte[bytes.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = ((Number) bytes.get(i)).byteValue();
        }
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    private void object(Map<?, ?> m, int depth) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Object k : m.keySet()) {
            keys.add(String.valueOf(k));
        }
        // Go sorts map keys by their UTF-8 bytes, which is code point order.
        keys.sort(JsonEncoder::compareCodePoints);
        out.append('{');
        boolean first = true;
        for (String k : keys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(depth + 1);
            string(out, k, escapeHtml);
            out.append(indent == null ? ":" : ": ");
            value(m.get(k), depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    private void array(List<?> l, int depth) {
        if (l.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(depth + 1);
            value(l.get(i), depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void newline(int depth) {
        if (indent != null) {
            out.append('\n');
            out.append(indent.repeat(depth));
        }
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Go's string encoding: short escapes for \b \f \n \r \t, \\u00XX for other controls. */
    static void string(StringBuilder out, String s, boolean escapeHtml) {
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x2028 -> out.append("\\u2028");
                case 0x2029 -> out.append("\\u2029");
                default -> {
                    if (c < 0x20 || escapeHtml && (c == '<' || c == '>' || c == '&')) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isSurrogate((char) c)) {
                        // A lone surrogate is invalid UTF-8 on the Go side, which Go replaces.
                        out.append("\\ufffd");
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
