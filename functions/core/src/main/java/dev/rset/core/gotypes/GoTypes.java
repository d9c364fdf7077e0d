package dev.rset.core.gotypes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping between Java objects and the Go types they stand for inside the template engine.
 *
 * <pre>
 * Go                       Java
 * nil                      null
 * bool                     Boolean
 * string                   String
 * int                      GoInt
 * int64                    Long
 * float64                  Double
 * []interface {}           List (any List that is not a GoTypedList)
 * []string, []int          GoTypedList
 * map[string]interface {}  Map&lt;String, Object&gt;
 * map[string]string        GoTypedMap
 * time.Time and others     GoValue
 * </pre>
 */
public final class GoTypes {
    private GoTypes() {
    }

    /** The Go type name as {@code typeOf} ({@code fmt.Sprintf("%T")}) prints it. */
    public static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof GoInt) {
            return "int";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof GoTypedList t) {
            return t.goTypeName();
        }
        if (v instanceof List) {
            return "[]interface {}";
        }
        if (v instanceof GoTypedMap t) {
            return t.goTypeName();
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (v instanceof GoValue g) {
            return g.goTypeName();
        }
        throw new IllegalArgumentException("not a template value: " + v.getClass().getName());
    }

    /** The reflect kind of a value; {@link GoKind#INVALID} for nil. */
    public static GoKind kind(Object v) {
        if (v == null) {
            return GoKind.INVALID;
        }
        if (v instanceof String) {
            return GoKind.STRING;
        }
        if (v instanceof Boolean) {
            return GoKind.BOOL;
        }
        if (v instanceof GoInt) {
            return GoKind.INT;
        }
        if (v instanceof Long) {
            return GoKind.INT64;
        }
        if (v instanceof Double) {
            return GoKind.FLOAT64;
        }
        if (v instanceof List) {
            return GoKind.SLICE;
        }
        if (v instanceof Map) {
            return GoKind.MAP;
        }
        if (v instanceof GoValue g) {
            return g.goKind();
        }
        throw new IllegalArgumentException("not a template value: " + v.getClass().getName());
    }

    /**
     * Converts a value decoded from JSON or YAML by Jackson or SnakeYAML into template values the
     * way Kubernetes decodes JSON: integers that fit become int64, other numbers float64, maps and
     * lists are copied recursively.
     */
    public static Object fromJson(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long
                || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException notAnInteger) {
                return d.doubleValue();
            }
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), fromJson(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(fromJson(o));
            }
            return out;
        }
        return v;
    }
}
