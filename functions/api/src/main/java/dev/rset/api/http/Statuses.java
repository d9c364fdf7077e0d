package dev.rset.api.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Kubernetes {@code metav1.Status} bodies for errors and for successful deletes. */
public final class Statuses {
    private Statuses() {
    }

    public static Map<String, Object> failure(ApiException e) {
        Map<String, Object> m = base("Failure");
        m.put("message", e.getMessage());
        m.put("reason", e.reason());
        m.put("code", e.code());
        return m;
    }

    public static Map<String, Object> success(String kind, String name) {
        Map<String, Object> m = base("Success");
        m.put("details", Map.of("name", name, "kind", kind));
        m.put("code", 200);
        return m;
    }

    private static Map<String, Object> base(String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "Status");
        m.put("apiVersion", "v1");
        m.put("metadata", Map.of());
        m.put("status", status);
        return m;
    }
}
