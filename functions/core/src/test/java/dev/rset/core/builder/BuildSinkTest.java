package dev.rset.core.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.inputs.InputResolver;
import dev.rset.core.template.budget.RenderBudget;
import dev.rset.core.template.budget.RenderMeter;
import dev.rset.core.yaml.GoYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streamed build: what a sink is handed, and in which order. */
class BuildSinkTest {
    private static final String STEPS = """
              commonMetadata:
                labels: {team: x}
              inputs: [{t: a}, {t: b}]
              steps:
                - name: empty
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: off-<< inputs.t >>
                        annotations: {fluxcd.controlplane.io/reconcile: disabled}
                - name: deploy
                  resources:
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: "cm-<< inputs.t >>"}}
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: "cm-a"}}
            """;

    @SuppressWarnings("unchecked")
    private static ResourceSet rset(String spec) {
        String manifest = "apiVersion: fluxcd.controlplane.io/v1\nkind: ResourceSet\n"
                + "metadata:\n  name: rs\n  namespace: ns\nspec:\n" + spec;
        return ResourceSet.from((Map<String, Object>) GoYaml.readManifest(manifest, ManifestSchemas.ALL)
                .documents().get(0));
    }

    private static List<String> events(ResourceSet rset) {
        List<String> events = new ArrayList<>();
        ResourceSetBuilder.build(rset, InputResolver.combine(rset, List.of(), Map.of()),
                RenderMeter.start(RenderBudget.DEFAULT), new BuildSink() {
                    @Override
                    public void step(String name, String timeout) {
                        events.add("step " + name);
                    }

                    @Override
                    public void object(Map<String, Object> object) {
                        events.add(KubeObjects.metaString(object, "name") + " "
                                + KubeObjects.stringMap(object, "labels"));
                    }
                });
        return events;
    }

    @Test
    void stepsThenTheirKeptObjectsWithCommonMetadataSet() {
        String labels = "{team=x, resourceset.fluxcd.controlplane.io/name=rs, "
                + "resourceset.fluxcd.controlplane.io/namespace=ns}";
        assertEquals(List.of("step empty", "step deploy", "cm-a " + labels, "cm-b " + labels),
                events(rset(STEPS)));
    }

    @Test
    void theSameObjectsAsTheCollectedBuild() {
        ResourceSet rset = rset(STEPS);
        BuildResult whole = ResourceSetBuilder.build(rset, InputResolver.combine(rset, List.of(), Map.of()));
        assertEquals(List.of("empty", "deploy"), whole.steps().stream().map(StepResult::name).toList());
        assertEquals(List.of("cm-a", "cm-b"),
                whole.objects().stream().map(o -> KubeObjects.metaString(o, "name")).toList());
    }

    @Test
    void anObjectInTwoStepsFailsAfterTheSecondStepBuilt() {
        ResourceSet rset = rset("""
                  inputs: [{t: a}]
                  steps:
                    - name: one
                      resources:
                        - {apiVersion: v1, kind: ConfigMap, metadata: {name: "cm"}}
                    - name: two
                      resources:
                        - {apiVersion: v1, kind: ConfigMap, metadata: {name: "cm"}}
                        - {apiVersion: v1, kind: ConfigMap, metadata: {name: "<< inputs.missing.x >>"}}
                """);
        BuildException e = assertThrows(BuildException.class, () -> events(rset));
        // The step's own render error comes first, as when a step was built whole before the check.
        assertEquals(true, e.getMessage().startsWith("step \"two\": failed to build resources[1]"), e.getMessage());
    }
}
