package dev.rset.core.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Typed reads from a decoded manifest (maps, lists and scalars) that report the object and the
 * field path on a type mismatch, e.g. {@code ResourceSet apps/app1: spec.inputsFrom[0].name:
 * expected a string, got a list}. Numbers and booleans in string fields were already turned into
 * strings while reading (see {@link ManifestSchemas}); a null reads as Go's zero value.
 */
public final class Fields {
    private final String object;
    private final String path;
    private final Map<String, Object> map;

    private Fields(String object, String path, Map<String, Object> map) {
        this.object = object;
        this.path = path;
        this.map = map;
    }

    /** Reads the top level of an object described as {@code object} in error messages. */
    public static Fields of(String object, Map<String, Object> map) {
        return new Fields(object, "", map);
    }

    public Map<String, Object> raw() {
        return map;
    }

    public String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public InvalidObjectException error(String field, String message) {
        return new InvalidObjectException(object + ": " + path(field) + ": " + message);
    }

    /** An error about the object as a whole, e.g. two fields that exclude each other. */
    public InvalidObjectException fail(String message) {
        return new InvalidObjectException(object + ": " + message);
    }

    public boolean has(String field) {
        return map.get(field) != null;
    }

    public String string(String field) {
        Object v = map.get(field);
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        throw error(field, "expected a string, got " + describe(v));
    }

    public String requiredString(String field) {
        String s = string(field);
        if (s.isEmpty()) {
            throw error(field, "required field is missing");
        }
        return s;
    }

    public boolean bool(String field) {
        Object v = map.get(field);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw error(field, "expected a boolean, got " + describe(v));
    }

    /** A nested object, or null when the field is absent. */
    public Fields object(String field) {
        Object v = map.get(field);
        if (v == null) {
            return null;
        }
        return new Fields(object, path(field), asMap(field, v));
    }

    /** A nested object, or an empty one when absent. */
    public Fields objectOrEmpty(String field) {
        Fields f = object(field);
        return f != null ? f : new Fields(object, path(field), Map.of());
    }

    /** A map of strings such as labels; values that are not strings are an error. */
    public Map<String, String> stringMap(String field) {
        Object v = map.get(field);
        if (v == null) {
            return Map.of();
        }
        Map<String, Object> m = asMap(field, v);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            // encoding/json stores a null element of a map[string]string as "".
            Object value = e.getValue() == null ? "" : e.getValue();
            if (!(value instanceof String s)) {
                throw error(field + "." + e.getKey(), "expected a string, got " + describe(value));
            }
            out.put(e.getKey(), s);
        }
        return out;
    }

    /** A raw map value (such as one input set), or an empty map when absent. */
    public Map<String, Object> map(String field) {
        Object v = map.get(field);
        return v == null ? Map.of() : asMap(field, v);
    }

    /** A list of raw maps (such as resources or input sets). */
    public List<Map<String, Object>> mapList(String field) {
        return list(field, (f, item) -> f.raw());
    }

    public List<String> stringList(String field) {
        Object v = map.get(field);
        if (v == null) {
            return List.of();
        }
        List<?> l = asList(field, v);
        List<String> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            Object value = l.get(i) == null ? "" : l.get(i);
            if (!(value instanceof String s)) {
                throw error(field + "[" + i + "]", "expected a string, got " + describe(value));
            }
            out.add(s);
        }
        return out;
    }

    /** A list of objects, each read by {@code reader} with its index in the path. */
    public <T> List<T> list(String field, BiFunction<Fields, Integer, T> reader) {
        Object v = map.get(field);
        if (v == null) {
            return List.of();
        }
        List<?> l = asList(field, v);
        List<T> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            String itemPath = path(field) + "[" + i + "]";
            Object item = l.get(i);
            if (!(item instanceof Map<?, ?>)) {
                throw new InvalidObjectException(object + ": " + itemPath + ": expected an object, got "
                        + describe(item));
            }
            out.add(reader.apply(new Fields(object, itemPath, cast(item)), i));
        }
        return List.copyOf(out);
    }

    private Map<String, Object> asMap(String field, Object v) {
        if (v instanceof Map<?, ?>) {
            return cast(v);
        }
        throw error(field, "expected an object, got " + describe(v));
    }

    private List<?> asList(String field, Object v) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw error(field, "expected a list, got " + describe(v));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object v) {
        return (Map<String, Object>) v;
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof Map) {
            return "an object";
        }
        return v.getClass().getSimpleName();
    }
}
