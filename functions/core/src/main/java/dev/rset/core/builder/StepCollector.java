package dev.rset.core.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The sink that keeps every object, step by step, for a {@link BuildResult}. */
final class StepCollector implements BuildSink {
    private final List<StepResult> results = new ArrayList<>();
    private String name;
    private String timeout;
    private List<Map<String, Object>> objects;

    @Override
    public void step(String name, String timeout) {
        finishStep();
        this.name = name;
        this.timeout = timeout;
        this.objects = new ArrayList<>();
    }

    @Override
    public void object(Map<String, Object> object) {
        objects.add(object);
    }

    List<StepResult> results() {
        finishStep();
        return results;
    }

    private void finishStep() {
        if (objects != null) {
            results.add(new StepResult(name, timeout, objects));
            objects = null;
        }
    }
}
