package dev.rset.core.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.inputs.InputResolver;
import dev.rset.core.yaml.GoYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSetBuilderTest {
    @SuppressWarnings("unchecked")
    private static BuildResult build(String spec) {
        String manifest = "apiVersion: fluxcd.controlplane.io/v1\nkind: ResourceSet\n"
                + "metadata:\n  name: rs\n  namespace: ns\nspec:\n" + spec;
        ResourceSet rset = ResourceSet.from((Map<String, Object>) GoYaml.readManifest(manifest, dev.rset.core.api.ManifestSchemas.ALL).documents().get(0));
        return ResourceSetBuilder.build(rset, InputResolver.combine(rset, List.of(), Map.of()));
    }

    private static List<String> names(BuildResult r) {
        return r.objects().stream().map(o -> KubeObjects.metaString(o, "name")).toList();
    }

    @Test
    void resourcesComeFirstOneResourceAtATimeThenTheTemplate() {
        BuildResult r = build("""
                  inputs: [{t: a}, {t: b}]
                  resources:
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: "first-<< inputs.t >>"}}
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: "second-<< inputs.t >>"}}
                  resourcesTemplate: |
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: tpl-<< inputs.t >>
                """);
        assertEquals(List.of("first-a", "first-b", "second-a", "second-b", "tpl-a", "tpl-b"), names(r));
    }

    @Test
    void firstObjectWinsAndDisabledOnesAreDropped() {
        BuildResult r = build("""
                  inputs: [{t: a}, {t: b}]
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: shared
                        annotations: {source: "<< inputs.t >>"}
                    - apiVersion: v1
                      kind: Secret
                      metadata:
                        name: s-<< inputs.t >>
                        annotations:
                          fluxcd.controlplane.io/reconcile: << if eq inputs.t "a" >>disabled<< else >>enabled<< end >>
                  resourcesTemplate: |
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: shared
                      annotations: {source: template}
                """);
        assertEquals(List.of("shared", "s-b"), names(r));
        assertEquals("a", KubeObjects.annotation(r.objects().get(0), "source"));
    }

    @Test
    void withoutInputsResourcesRenderOnceAndAreNotDeduplicated() {
        BuildResult r = build("""
                  resources:
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: same}}
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: same, annotations: {fluxcd.controlplane.io/reconcile: disabled}}}
                """);
        assertEquals(List.of("same", "same"), names(r));
    }

    @Test
    void commonMetadataOverridesAndOwnerLabelsAreSet() {
        BuildResult r = build("""
                  commonMetadata:
                    labels: {team: platform}
                    annotations: {note: common}
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: cm, labels: {team: mine, keep: "yes"}}
                """);
        Map<String, String> labels = KubeObjects.stringMap(r.objects().get(0), "labels");
        assertEquals(Map.of("team", "platform", "keep", "yes", "resourceset.fluxcd.controlplane.io/name", "rs",
                "resourceset.fluxcd.controlplane.io/namespace", "ns"), labels);
        assertEquals("common", KubeObjects.annotation(r.objects().get(0), "note"));
    }

    @Test
    void stepsKeepTheirOrderAndNames() {
        BuildResult r = build("""
                  inputs: [{t: a}]
                  steps:
                    - name: one
                      resources: [{apiVersion: v1, kind: ConfigMap, metadata: {name: "one-<< inputs.t >>"}}]
                    - name: two
                      timeout: 2m
                      resourcesTemplate: |
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: two}
                """);
        assertEquals(List.of("one", "two"), r.steps().stream().map(StepResult::name).toList());
        assertEquals("2m", r.steps().get(1).timeout());
        assertTrue(r.steps().stream().noneMatch(s -> s.name().isEmpty()));
        assertTrue(r.digest().matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void digestFollowsContent() {
        String spec = "  resources: [{apiVersion: v1, kind: ConfigMap, metadata: {name: a}}]\n";
        assertEquals(build(spec).digest(), build(spec).digest());
        assertTrue(!build(spec).digest().equals(build(spec.replace("name: a", "name: b")).digest()));
    }

    @Test
    void errorsAreWrappedLikeTheFluxOperator() {
        String parse = assertThrows(BuildException.class, () -> build("""
                  inputs: [{t: a}]
                  resources:
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: "<< if >>"}}
                """)).getMessage();
        assertTrue(parse.startsWith("failed to build resources[0]: failed to parse template: template: resourceset:"),
                parse);
        String exec = assertThrows(BuildException.class, () -> build("""
                  inputs: [{t: a}]
                  resourcesTemplate: |
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: << inputs.missing >>
                """)).getMessage();
        assertEquals("failed to build resources: failed to execute multi-doc YAML template: template: resourceset:4:"
                + "11: executing \"resourceset\" at <inputs>: map has no entry for key \"missing\"", exec);
        String yaml = assertThrows(BuildException.class, () -> build("""
                  inputs: [{t: "x: y"}]
                  resources:
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: "<< inputs.t >>"}}
                """)).getMessage();
        assertTrue(yaml.startsWith("failed to build resources[0]: failed to read object: error converting YAML to JSON:"),
                yaml);
        String step = assertThrows(BuildException.class, () -> build("""
                  steps:
                    - name: one
                      resourcesTemplate: "<< nope >>"
                """)).getMessage();
        assertTrue(step.startsWith("step \"one\": failed to build resource: failed to parse multi-doc YAML template:"),
                step);
    }
}
