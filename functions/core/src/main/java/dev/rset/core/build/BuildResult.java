package dev.rset.core.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The objects a ResourceSet generates, step by step, and their content digest. */
public record BuildResult(List<StepResult> steps, String digest) {
    public BuildResult {
        steps = List.copyOf(steps);
    }

    /** All objects in step order. */
    public List<Map<String, Object>> objects() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (StepResult s : steps) {
            all.addAll(s.objects());
        }
        return all;
    }

    public boolean hasNamedSteps() {
        return steps.stream().anyMatch(s -> !s.name().isEmpty());
    }
}
