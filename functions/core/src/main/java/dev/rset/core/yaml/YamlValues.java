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
        if (v instanceof Long) {
            return v;
        }
        if (v instanceof GoInt || v instanceof Integer || v instanceof Short
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
            return fromMap(m);
        }
        if (v instanceof GoTypedList t && "uint8".equals(t.elemType())) {
            return JsonEncoder.base64(t);
        }
        if (v instanceof List<?> l) {
            return fromList(l);
        }
        if (v instanceof GoValue g) {
            return fromTemplateValue(GoValueJson.jsonValue(g));
        }
        throw new GoJsonException("json: unsupported type: " + v.getClass().getName());
    }

    /**
     * A map whose keys are strings and whose values need no change is the result itself (most
     * objects read back from YAML): copying them was a fifth of marshalling. Values are still
     * converted, and errors raised, in the map's order.
     */
    private static Object fromMap(Map<?, ?> m) {
        Map<String, Object> out = null;
        int done = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object key = e.getKey();
            String name = validUtf16(String.valueOf(key));
            Object value = fromTemplateValue(e.getValue());
            if (out == null && (key != name || value != e.getValue())) {
                out = new LinkedHashMap<>();
                int i = 0;
                for (Map.Entry<?, ?> before : m.entrySet()) {
                    if (i++ == done) {
                        break;
                    }
                    out.put((String) before.getKey(), before.getValue());
                }
            }
            if (out != null) {
                out.put(name, value);
            }
            done++;
        }
        return out == null ? m : out;
    }

    /** As {@link #fromMap}: the list itself when no item changes. */
    private static Object fromList(List<?> l) {
        List<Object> out = null;
        for (int i = 0; i < l.size(); i++) {
            Object item = l.get(i);
            Object value = fromTemplateValue(item);
            if (out == null && value != item) {
                out = new ArrayList<>(l.size());
                out.addAll(l.subList(0, i));
            }
            if (out != null) {
                out.add(value);
            }
        }
        return out == null ? l : out;
    }

    /** Lone surrogates would be invalid UTF-8 in Go, which json.Marshal turns into U+FFFD. */
    private static String validUtf16(String s) {
        int first = 0;
        while (first < s.length() && !Character.isSurrogate(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
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
