package dev.rset.delivery.kube;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lenient reads of nested fields of an object held as maps: a missing or mistyped field is empty. */
public final class Fields {
    private Fields() {
    }

    public static Optional<Object> at(Map<String, Object> object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    public static Optional<String> string(Map<String, Object> object, String... path) {
        return at(object, path).map(Object::toString);
    }

    public static Optional<Long> number(Map<String, Object> object, String... path) {
        return at(object, path).filter(Number.class::isInstance).map(n -> ((Number) n).longValue());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> object, String... path) {
        return at(object, path).filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).orElse(Map.of());
    }

    /** The condition of {@code type} in {@code status.conditions}, if the object reports one. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> condition(Map<String, Object> object, String type) {
        return at(object, "status", "conditions")
                .filter(List.class::isInstance)
                .flatMap(list -> ((List<Object>) list).stream()
                        .filter(Map.class::isInstance)
                        .map(c -> (Map<String, Object>) c)
                        .filter(c -> type.equals(c.get("type")))
                        .findFirst());
    }

    public static boolean conditionIs(Map<String, Object> object, String type, String status) {
        return condition(object, type).map(c -> status.equals(c.get("status"))).orElse(false);
    }

    public static String annotation(Map<String, Object> object, String key) {
        Object value = map(object, "metadata", "annotations").get(key);
        return value == null ? "" : value.toString();
    }
}
