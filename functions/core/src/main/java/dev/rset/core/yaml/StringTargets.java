package dev.rset.core.yaml;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Where a kind's schema has string fields. sigs.k8s.io/yaml, reading into a Go struct, turns a
 * number or boolean written where the field (or map element) is a string into that string
 * ({@code 123} → "123", {@code 1.50} → "1.5", {@code y} → "true", {@code ~} → ""), so a label written
 * {@code version: 1.50} is the label "1.5", not an error. Built from paths such as
 * {@code metadata.labels.*} ({@code *}: any key) and {@code spec.inputsFrom[].name}
 * ({@code []}: each item of a list).
 */
public final class StringTargets {
    public static final StringTargets NONE = new StringTargets();

    private final Map<String, StringTargets> fields = new LinkedHashMap<>();
    private StringTargets items;
    private boolean string;

    private StringTargets() {
    }

    public static StringTargets of(List<String> paths) {
        StringTargets root = new StringTargets();
        for (String path : paths) {
            StringTargets node = root;
            for (String segment : path.split("\\.")) {
                boolean list = segment.endsWith("[]");
                String name = list ? segment.substring(0, segment.length() - 2) : segment;
                node = node.fields.computeIfAbsent(name, k -> new StringTargets());
                if (list) {
                    if (node.items == null) {
                        node.items = new StringTargets();
                    }
                    node = node.items;
                }
            }
            node.string = true;
        }
        return root;
    }

    /**
     * Converts, in place, the scalars of a JSON-able value (maps with string keys, lists,
     * scalars) that stand where this schema has a string; returns the (possibly new) value.
     */
    @SuppressWarnings("unchecked")
    Object convert(Object value) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                StringTargets child = field(e.getKey());
                if (child != null) {
                    e.setValue(child.convert(e.getValue()));
                }
            }
            return value;
        }
        if (value instanceof List<?> l) {
            if (items != null) {
                for (ListIterator<Object> it = ((List<Object>) l).listIterator(); it.hasNext();) {
                    it.set(items.convert(it.next()));
                }
            }
            return value;
        }
        return string ? asString(value) : value;
    }

    /** The field's schema: its own name first, then a case-insensitive match (as encoding/json), then {@code *}. */
    private StringTargets field(String key) {
        StringTargets exact = fields.get(key);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, StringTargets> e : fields.entrySet()) {
            if (!e.getKey().equals("*") && e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return fields.get("*");
    }

    private static Object asString(Object v) {
        if (v == null) {
            return ""; // encoding/json leaves a string at its zero value for null
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return GoFloats.formatG32(d);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        return v;
    }
}
