package dev.rset.core.api;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The desired state of a ResourceSet ({@code fluxcd.controlplane.io/v1}). */
public record ResourceSetSpec(
        CommonMetadata commonMetadata,
        List<Map<String, Object>> inputs,
        List<InputProviderReference> inputsFrom,
        InputStrategy inputStrategy,
        boolean includeEmptyProviders,
        List<Map<String, Object>> resources,
        String resourcesTemplate,
        List<ResourceSetStep> steps,
        List<Dependency> dependsOn,
        String serviceAccountName,
        boolean waitForHealth) {

    public static final int MAX_STEPS = 20;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public ResourceSetSpec {
        inputs = List.copyOf(inputs);
        inputsFrom = List.copyOf(inputsFrom);
        resources = List.copyOf(resources);
        steps = List.copyOf(steps);
        dependsOn = List.copyOf(dependsOn);
    }

    public boolean hasSteps() {
        return !steps.isEmpty();
    }

    public ResourceSetSpec withInputs(List<Map<String, Object>> newInputs) {
        return new ResourceSetSpec(commonMetadata, newInputs, inputsFrom, inputStrategy, includeEmptyProviders,
                resources, resourcesTemplate, steps, dependsOn, serviceAccountName, waitForHealth);
    }

    static ResourceSetSpec read(Fields spec) {
        Fields strategy = spec.object("inputStrategy");
        ResourceSetSpec s = new ResourceSetSpec(
                CommonMetadata.read(spec),
                spec.mapList("inputs"),
                spec.list("inputsFrom", (f, i) -> InputProviderReference.read(f)),
                InputStrategy.read(spec),
                strategy != null && strategy.bool("includeEmptyProviders"),
                spec.mapList("resources"),
                spec.string("resourcesTemplate"),
                spec.list("steps", (f, i) -> ResourceSetStep.read(f)),
                spec.list("dependsOn", (f, i) -> Dependency.read(f)),
                spec.string("serviceAccountName"),
                spec.bool("wait"));
        s.validate(spec);
        return s;
    }

    /** The rules the Flux Operator's CRD enforces with CEL, checked before anything renders. */
    private void validate(Fields spec) {
        if (!steps.isEmpty() && (!resources.isEmpty() || !resourcesTemplate.isEmpty())) {
            throw spec.fail("spec.steps is mutually exclusive with spec.resources and spec.resourcesTemplate");
        }
        if (steps.size() > MAX_STEPS) {
            throw spec.error("steps", "must have at most " + MAX_STEPS + " items, got " + steps.size());
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            ResourceSetStep step = steps.get(i);
            String field = "steps[" + i + "]";
            if (step.name().length() > 63 || !DNS_LABEL.matcher(step.name()).matches()) {
                throw spec.error(field + ".name", "\"" + step.name() + "\" must be a DNS label "
                        + "(lowercase alphanumerics and '-', at most 63 characters)");
            }
            if (!names.add(step.name())) {
                throw spec.error(field + ".name", "duplicate step name \"" + step.name() + "\"");
            }
            if (step.resources().isEmpty() && step.resourcesTemplate().isEmpty()) {
                throw spec.error(field, "step \"" + step.name()
                        + "\": at least one of resources or resourcesTemplate must be set");
            }
        }
    }
}
