package dev.rset.core.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NestedFieldsTest {
    private static final Map<String, Object> OBJECT = Map.of(
            "metadata", Map.of("name", "app", "labels", Map.of("team", "web")),
            "spec", Map.of("items", List.of("a")));

    @Test
    void readsThroughNestedMaps() {
        assertEquals("web", NestedFields.dig(OBJECT, "metadata", "labels", "team"));
        assertEquals(OBJECT, NestedFields.dig(OBJECT));
    }

    @Test
    void absentOrNonMapStepsAreNull() {
        assertNull(NestedFields.dig(OBJECT, "status", "conditions"));
        assertNull(NestedFields.dig(OBJECT, "metadata", "name", "first"));
        assertNull(NestedFields.dig(OBJECT, "spec", "items", "0"));
    }
}
