package dev.rset.cli.render;

import dev.rset.core.builder.BuildResult;
import dev.rset.core.builder.StepResult;
import dev.rset.core.yaml.GoYaml;
import java.io.PrintWriter;
import java.util.Map;

/** Prints built objects as the Flux Operator CLI does: {@code ---} and sorted-key YAML per object. */
final class ObjectPrinter {
    private ObjectPrinter() {
    }

    /** Writes object by object, so the whole text never has to be held at once. */
    static void print(BuildResult result, PrintWriter out) {
        for (StepResult step : result.steps()) {
            // As the Flux Operator CLI: a step that rendered nothing gets no heading.
            if (!step.name().isEmpty() && !step.objects().isEmpty()) {
                out.append("# step: ").append(step.name()).append('\n');
            }
            for (Map<String, Object> object : step.objects()) {
                out.append("---\n").append(GoYaml.marshal(object));
            }
        }
    }
}
