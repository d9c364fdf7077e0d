package dev.rset.core.api;

import java.util.Map;

/**
 * Lenient reads of nested fields from a decoded object (maps, lists and scalars), for code that
 * shows or copies what is there without validating it; {@link Fields} is the checking reader.
 */
public final class NestedFields {
    private NestedFields() {
    }

    /**
     * The value at {@code path}, e.g. {@code dig(m, "metadata", "name")}, or null when a field on
     * the way is absent or not a map.
     */
    public static Object dig(Map<?, ?> object, String... path) {
        Object v = object;
        for (String p : path) {
            if (!(v instanceof Map<?, ?> map)) {
                return null;
            }
            v = map.get(p);
        }
        return v;
    }
}
