package dev.rset.core.api;

import java.util.List;
import java.util.Map;

/** One of {@code spec.steps}: resources applied, and health-checked, before the next step. */
public record ResourceSetStep(String name, List<Map<String, Object>> resources, String resourcesTemplate,
        String timeout) {
    public ResourceSetStep {
        resources = List.copyOf(resources);
    }

    static ResourceSetStep read(Fields f) {
        return new ResourceSetStep(f.requiredString("name"), f.mapList("resources"),
                f.string("resourcesTemplate"), f.string("timeout"));
    }
}
