package dev.rset.core.yaml;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first half of sigs.k8s.io/yaml's Marshal: {@code json.Marshal(v)} read back by go-yaml
 * into {@code interface{}}. Done on values rather than text: each number is formatted as
 * encoding/json would and then typed by go-yaml's resolver, so a float64 of 2.5 stays a float
 * while 1e20 (JSON {@code 100000000000000000000}) becomes a float and 1e19 a uint64.
 */
final class YamlValues {
    private YamlValues() {
    }

    /** Throws {@link GoJsonException} where json.Marshal fails (NaN, infinities). */
    static Object fromTemplateValue(Object v) {
        if (v == null || v instanceof Boolean) {
            return v;
        }
        if (v instanceof String s) {
            return validUtf16(s);
        }
        if (v instanceof GoInt || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new GoJsonException("json: unsupported value: " + GoFloats.formatG(d));
            }
            return YamlResolver.resolve("", GoFloats.formatJson(d)).value();
        }
        if (v instanceof BigInteger b) {
            return YamlResolver.resolve("", b.toString()).value();
        }
        if (v instanceof BigDecimal b) {
            return YamlResolver.resolve("", b.toPlainString()).value();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(validUtf16(String.valueOf(e.getKey())), fromTemplateValue(e.getValue()));
            }
            return out;
        }
        if (v instanceof GoTypedList t && "uint8".equals(t.elemType())) {
            return JsonEncoder.base64(t);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(fromTemplateValue(o));
            }
            return out;
        }
        if (v instanceof GoValue g) {
            return fromTemplateValue(GoValueJson.jsonValue(g));
        }
        throw new GoJsonException("json: unsupported type: " + v.getClass().getName());
    }

    /** Lone surrogates would be invalid UTF-8 in Go, which json.Marshal turns into U+FFFD. */
    private static String validUtf16(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(lone ? '\uFFFD' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
