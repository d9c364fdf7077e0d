package dev.rset.delivery.apply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTest {
    private static Map<String, Object> configMap(String resourceVersion, String colour, String manager) {
        return Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "c", "uid", "u1", "resourceVersion", resourceVersion, "generation", 1,
                        "creationTimestamp", "2026-01-01T00:00:00Z", "managedFields", List.of(Map.of("manager", manager))),
                "data", Map.of("colour", colour));
    }

    @Test
    void theServersBookkeepingIsNotDrift() {
        assertFalse(Drift.drifted(configMap("1", "blue", "kubectl"), configMap("2", "blue", "rset-serverless")));
    }

    @Test
    void contentIsDrift() {
        assertTrue(Drift.drifted(configMap("1", "blue", "x"), configMap("1", "red", "x")));
    }

    @Test
    void labelsAreDrift() {
        Map<String, Object> live = configMap("1", "blue", "x");
        Map<String, Object> labelled = Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "c", "uid", "u1", "labels", Map.of("a", "b")), "data", Map.of("colour", "blue"));
        assertTrue(Drift.drifted(live, labelled));
    }
}
