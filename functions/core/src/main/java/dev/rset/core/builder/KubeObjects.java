package dev.rset.core.builder;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes of the well-known fields of a generated object held as a map. */
public final class KubeObjects {
    private KubeObjects() {
    }

    public static String string(Map<String, Object> object, String field) {
        return object.get(field) instanceof String s ? s : "";
    }

    public static String metaString(Map<String, Object> object, String field) {
        return object.get("metadata") instanceof Map<?, ?> m && m.get(field) instanceof String s ? s : "";
    }

    /**
     * Labels or annotations as Kubernetes' {@code GetLabels} reads them: a map with a value that
     * is not a string reads as no map at all.
     */
    public static Map<String, String> stringMap(Map<String, Object> object, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object.get("metadata") instanceof Map<?, ?> meta && meta.get(field) instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof String s)) {
                    return new LinkedHashMap<>();
                }
                out.put((String) e.getKey(), s);
            }
        }
        return out;
    }

    public static String annotation(Map<String, Object> object, String key) {
        return stringMap(object, "annotations").get(key);
    }

    /** Merges {@code labels} and {@code annotations} into the object's, overriding existing keys. */
    public static void setCommonMetadata(Map<String, Object> object, Map<String, String> labels,
            Map<String, String> annotations) {
        merge(object, "labels", labels);
        merge(object, "annotations", annotations);
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> object, String field, Map<String, String> extra) {
        Map<String, String> current = stringMap(object, field);
        current.putAll(extra);
        if (current.isEmpty()) {
            return;
        }
        Object meta = object.get("metadata");
        Map<String, Object> metadata;
        if (meta instanceof Map<?, ?> m) {
            metadata = (Map<String, Object>) m;
        } else {
            metadata = new LinkedHashMap<>();
            object.put("metadata", metadata);
        }
        metadata.put(field, new LinkedHashMap<String, Object>(current));
    }
}
