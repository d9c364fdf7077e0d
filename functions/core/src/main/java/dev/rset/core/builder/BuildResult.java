package dev.rset.core.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The objects a ResourceSet generates, step by step. */
public record BuildResult(List<StepResult> steps) {
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

    /**
     * The content digest ({@code sha256:<hex>}) recorded in history; computed on request because
     * an offline build does not need it and it costs as much as a tenth of the build.
     */
    public String digest() {
        return Digest.of(steps);
    }
}
