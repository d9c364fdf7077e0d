package dev.rset.cli.render;

import dev.rset.core.builder.BuildResult;
import dev.rset.core.builder.StepResult;
import dev.rset.core.yaml.GoYaml;
import java.util.Map;

/** Prints built objects as the Flux Operator CLI does: {@code ---} and sorted-key YAML per object. */
final class ObjectPrinter {
    private ObjectPrinter() {
    }

    static String print(BuildResult result) {
        StringBuilder sb = new StringBuilder();
        for (StepResult step : result.steps()) {
            // As the Flux Operator CLI: a step that rendered nothing gets no heading.
            if (!step.name().isEmpty() && !step.objects().isEmpty()) {
                sb.append("# step: ").append(step.name()).append('\n');
            }
            for (Map<String, Object> object : step.objects()) {
                sb.append("---\n").append(GoYaml.marshal(object));
            }
        }
        return sb.toString();
    }
}
