package dev.rset.core.builder;

import java.util.List;
import java.util.Map;

/**
 * The objects built for one step; {@code name} is empty for a ResourceSet without steps, whose
 * objects form one anonymous step.
 */
public record StepResult(String name, String timeout, List<Map<String, Object>> objects) {
    public StepResult {
        objects = List.copyOf(objects);
    }
}
