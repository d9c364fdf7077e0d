package dev.rset.core.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The second half of sigs.k8s.io/yaml's Unmarshal: the decoded YAML value is made JSON-able
 * (non-string keys stringified), JSON-marshalled and read back, which this class reproduces
 * without the text round trip, ending with Kubernetes' number typing (integral → int64).
 */
final class YamlJson {
    private YamlJson() {
    }

    /**
     * {@code convertToJSONableObject}: keys become strings (int, float, bool) or the conversion
     * fails; maps come out with keys in JSON (sorted) order. Errors carry the sigs.k8s.io text
     * without the "error converting YAML to JSON: " prefix.
     */
    static Object jsonable(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>(JsonEncoder::compareCodePoints);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(keyString(e.getKey(), e.getValue()), jsonable(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(jsonable(o));
            }
            return out;
        }
        return v;
    }

    private static String keyString(Object k, Object value) {
        if (k instanceof String s) {
            return s;
        }
        if (k instanceof Long l) {
            return Long.toString(l);
        }
        if (k instanceof Double d) {
            // As go-yaml marshals floats, at float32 precision (sigs.k8s.io/yaml's choice).
            String text = GoFloats.formatG32(d);
            return switch (text) {
                case "+Inf" -> ".inf";
                case "-Inf" -> "-.inf";
                case "NaN" -> ".nan";
                default -> text;
            };
        }
        if (k instanceof Boolean b) {
            return b ? "true" : "false";
        }
        throw new GoYamlException("unsupported map key of type: " + GoSyntax.typeName(k) + ", key: "
                + GoSyntax.sharpV(k) + ", value: " + GoSyntax.sharpV(value));
    }

    /**
     * {@code json.Marshal} of a JSON-able value followed by Kubernetes' decoding: integers that
     * fit int64 become Long, any other number Double. Throws with the full Go message
     * ("error converting YAML to JSON: json: unsupported value: NaN", ...).
     */
    static Object templateValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put((String) e.getKey(), templateValue(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(templateValue(o));
            }
            return out;
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new GoYamlException("error converting YAML to JSON: json: unsupported value: " + GoFloats.formatG(d));
            }
            return number(GoFloats.formatJson(d));
        }
        if (v instanceof YamlUint u) {
            return number(u.value().toString());
        }
        if (v instanceof BigInteger b) {
            return number(b.toString());
        }
        return v;
    }

    private static Object number(String json) {
        try {
            return Long.parseLong(json);
        } catch (NumberFormatException notInt64) {
            double d = Double.parseDouble(json);
            if (Double.isInfinite(d)) {
                throw new GoYamlException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number "
                        + json + " into Go value of type float64");
            }
            return d;
        }
    }
}
