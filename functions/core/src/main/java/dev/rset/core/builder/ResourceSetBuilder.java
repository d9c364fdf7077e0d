package dev.rset.core.builder;

import dev.rset.core.api.Annotations;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetSpec;
import dev.rset.core.api.ResourceSetStep;
import dev.rset.core.template.Template;
import dev.rset.core.template.TemplateException;
import dev.rset.core.template.budget.RenderBudget;
import dev.rset.core.template.budget.RenderBudgetExceeded;
import dev.rset.core.template.budget.RenderMeter;
import dev.rset.core.yaml.GoYaml;
import dev.rset.core.yaml.GoYamlException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Renders a ResourceSet for a list of combined input sets, with the Flux Operator's rules:
 * each {@code resources[]} entry is serialised to YAML and rendered once per input set, then
 * the {@code resourcesTemplate} once per input set; objects annotated
 * {@code fluxcd.controlplane.io/reconcile: disabled} are dropped; the first object of each
 * group/kind/namespace/name wins; steps are built one after another and an object may belong to
 * one step only. Common metadata and the owner labels are set on every object.
 *
 * <p>One {@link RenderBudget} covers the whole build. Objects are decoded as each input set is
 * rendered, so only one rendered text is alive at a time; each template is parsed once per build.
 * With a {@link BuildSink} the objects leave as they are kept, so what stays is their identities.
 */
public final class ResourceSetBuilder {
    private ResourceSetBuilder() {
    }

    /** Builds within {@link RenderBudget#DEFAULT}. */
    public static BuildResult build(ResourceSet rset, List<Map<String, Object>> inputs) {
        return build(rset, inputs, RenderBudget.DEFAULT);
    }

    public static BuildResult build(ResourceSet rset, List<Map<String, Object>> inputs, RenderBudget budget) {
        return build(rset, inputs, RenderMeter.start(budget));
    }

    /** Builds within what is left of {@code meter}'s budget. */
    public static BuildResult build(ResourceSet rset, List<Map<String, Object>> inputs, RenderMeter meter) {
        StepCollector steps = new StepCollector();
        build(rset, inputs, meter, steps);
        return new BuildResult(steps.results());
    }

    /**
     * Builds within what is left of {@code meter}'s budget, handing each object to {@code sink} as
     * it is kept; only the identities of the objects (for de-duplication) stay in memory here.
     */
    public static void build(ResourceSet rset, List<Map<String, Object>> inputs, RenderMeter meter,
            BuildSink sink) {
        ResourceSetSpec spec = rset.spec();
        Map<String, String> owner = new LinkedHashMap<>();
        owner.put(Annotations.OWNER_NAME_LABEL, rset.name());
        owner.put(Annotations.OWNER_NAMESPACE_LABEL, rset.namespace());
        // Set as each object is kept: neither the exclusion nor the identity of an object reads them.
        Consumer<Map<String, Object>> emit = object -> {
            KubeObjects.setCommonMetadata(object, spec.commonMetadata().labels(),
                    spec.commonMetadata().annotations());
            KubeObjects.setCommonMetadata(object, owner, Map.of());
            sink.object(object);
        };
        if (spec.hasSteps()) {
            buildSteps(spec.steps(), inputs, meter, sink, emit);
        } else {
            sink.step("", "");
            buildObjects(spec.resourcesTemplate(), spec.resources(), inputs, meter, emit);
        }
    }

    private static void buildSteps(List<ResourceSetStep> steps, List<Map<String, Object>> inputs,
            RenderMeter meter, BuildSink sink, Consumer<Map<String, Object>> emit) {
        Map<ObjectKey, String> stepOfObject = new HashMap<>();
        for (ResourceSetStep step : steps) {
            sink.step(step.name(), step.timeout());
            Set<ObjectKey> keys;
            try {
                keys = buildObjects(step.resourcesTemplate(), step.resources(), inputs, meter, emit);
            } catch (BuildException e) {
                throw new BuildException("step \"" + step.name() + "\": " + e.getMessage());
            }
            // After the step's own errors, as when the step was built whole before this check.
            for (ObjectKey key : keys) {
                String previous = stepOfObject.putIfAbsent(key, step.name());
                if (previous != null && !previous.equals(step.name())) {
                    throw new BuildException("duplicate resource " + key.display() + " in step \"" + step.name()
                            + "\", already defined in step \"" + previous + "\"");
                }
            }
        }
    }

    /**
     * One step's objects (or a ResourceSet's without steps), each handed to {@code emit}; returns
     * the identities of the objects, in order.
     */
    static Set<ObjectKey> buildObjects(String yamlTemplate, List<Map<String, Object>> resources,
            List<Map<String, Object>> inputs, RenderMeter meter, Consumer<Map<String, Object>> emit) {
        Set<ObjectKey> seen = new LinkedHashSet<>();
        int templates = resources.size() + (yamlTemplate.isEmpty() ? 0 : 1);
        wrap("failed to build resources: ", () -> plan(meter, inputs.size(), templates));
        for (int i = 0; i < resources.size(); i++) {
            Map<String, Object> resource = resources.get(i);
            if (inputs.isEmpty()) {
                // Without inputs Flux neither excludes nor de-duplicates resources.
                Map<String, Object> object = wrap("failed to build resource: ",
                        () -> readObject(parseResource(resource), null, meter));
                seen.add(ObjectKey.of(object));
                emit.accept(object);
                continue;
            }
            String prefix = "failed to build resources[" + i + "]: ";
            Template template = wrap(prefix, () -> parseResource(resource));
            for (Map<String, Object> input : inputs) {
                collect(emit, seen, wrap(prefix, () -> readObject(template, input, meter)));
            }
        }
        if (!yamlTemplate.isEmpty()) {
            String prefix = inputs.isEmpty() ? "failed to build resource: " : "failed to build resources: ";
            Template template = wrap(prefix, () -> parseMultiDoc(yamlTemplate));
            if (inputs.isEmpty()) {
                for (Map<String, Object> object : wrap(prefix, () -> readObjects(template, null, meter))) {
                    collect(emit, seen, object);
                }
            }
            for (Map<String, Object> input : inputs) {
                for (Map<String, Object> object : wrap(prefix, () -> readObjects(template, input, meter))) {
                    collect(emit, seen, object);
                }
            }
        }
        return seen;
    }

    /**
     * Refuses, before any rendering, a build that would render more objects than the budget
     * allows (a template counts once per input set here; all its documents count as rendered).
     */
    private static Void plan(RenderMeter meter, int inputSets, int resources) {
        try {
            meter.plannedObjects(Math.max(1, inputSets), resources);
            return null;
        } catch (RenderBudgetExceeded e) {
            throw new BuildException(e.getMessage());
        }
    }

    /** Keeps an object unless it is disabled or an earlier one has its group, kind, namespace and name. */
    private static void collect(Consumer<Map<String, Object>> emit, Set<ObjectKey> seen,
            Map<String, Object> object) {
        if (!isDisabled(object) && seen.add(ObjectKey.of(object))) {
            emit.accept(object);
        }
    }

    private static Template parseResource(Map<String, Object> resource) {
        try {
            return TemplateRenderer.parse(GoYaml.marshal(resource));
        } catch (TemplateException e) {
            throw new BuildException("failed to parse template: " + e.getMessage());
        }
    }

    private static Map<String, Object> readObject(Template template, Map<String, Object> input, RenderMeter meter) {
        String text;
        try {
            text = TemplateRenderer.execute(template, input, meter);
        } catch (TemplateException e) {
            throw new BuildException("failed to execute template: " + e.getMessage());
        }
        try {
            Map<String, Object> object = ObjectReader.readObject(text);
            meter.rendered(1);
            meter.checkDeadline();
            return object;
        } catch (GoYamlException | BuildException | RenderBudgetExceeded e) {
            throw new BuildException("failed to read object: " + e.getMessage());
        }
    }

    private static Template parseMultiDoc(String text) {
        try {
            return TemplateRenderer.parse(text);
        } catch (TemplateException e) {
            throw new BuildException("failed to parse multi-doc YAML template: " + e.getMessage());
        }
    }

    private static List<Map<String, Object>> readObjects(Template template, Map<String, Object> input,
            RenderMeter meter) {
        String text;
        try {
            text = TemplateRenderer.execute(template, input, meter);
        } catch (TemplateException e) {
            throw new BuildException("failed to execute multi-doc YAML template: " + e.getMessage());
        }
        try {
            List<Map<String, Object>> objects = ObjectReader.readObjects(text);
            meter.rendered(objects.size());
            // Decoding is outside the executor's steps; the build's deadline still covers it.
            meter.checkDeadline();
            return objects;
        } catch (GoYamlException | BuildException | RenderBudgetExceeded e) {
            throw new BuildException("failed to read objects from multi-doc YAML: " + e.getMessage());
        }
    }

    private static boolean isDisabled(Map<String, Object> object) {
        return Annotations.DISABLED.equals(KubeObjects.annotation(object, Annotations.RECONCILE));
    }

    private interface Step<T> {
        T run();
    }

    private static <T> T wrap(String prefix, Step<T> step) {
        try {
            return step.run();
        } catch (BuildException e) {
            throw new BuildException(prefix + e.getMessage());
        }
    }
}
