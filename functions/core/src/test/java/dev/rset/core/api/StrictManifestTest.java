package dev.rset.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.core.yaml.GoYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fields the Go types do not have are found as Kubernetes' strict field validation names them,
 * and label keys, selectors and schedules are checked by the rules the API server and the CRDs
 * apply, with errors that name the object and the field.
 */
class StrictManifestTest {
    static Map<String, Object> read(String yaml) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) GoYaml.readManifest(yaml, ManifestSchemas.ALL).documents().get(0);
        return m;
    }

    static final String RSET = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: app
              namespace: apps
              labels: {team: a}
              creationTimestamp: 2026-11-25T10:00:00Z
            spec:
              commonMetdata:
                labels: {x: y}
              inputs:
                - {anything: {goes: [here]}}
              inputsFrom:
                - name: prs
                  nmae: typo
                  selector: {matchLabels: {a: b}, matchExpresions: []}
              resourcse:
                - apiVersion: v1
              resources:
                - apiVersion: v1
                  kind: ConfigMap
                  whatever: {nested: true}
              steps: []
              wait: true
            status: {conditions: []}
            """;

    @Test
    void unknownFieldsAreNamedWithTheirPathsAndFreeFormValuesAreLeftAlone() {
        assertEquals(List.of("spec.commonMetdata", "spec.inputsFrom[0].nmae", "spec.inputsFrom[0].selector.matchExpresions",
                "spec.resourcse"), ManifestSchemas.unknownFields(read(RSET)));
    }

    /** Keys come in the order the reader gives them (sorted, as Go's maps are marshalled). */
    @Test
    void everyKindHasItsFieldsAndOtherKindsAreNotChecked() {
        assertEquals(List.of("spec.Type", "spec.filter.includeBrnach"), ManifestSchemas.unknownFields(read("""
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSetInputProvider
                metadata: {name: p}
                spec:
                  type: GitHubBranch
                  url: https://github.com/o/r
                  defaultValues: {free: {form: 1}}
                  filter: {includeBrnach: main, limit: 5}
                  schedule: [{cron: "0 * * * *", timeZone: UTC, window: 1h}]
                  Type: GitHubTag
                """)));
        assertEquals(List.of("spec.resources[0].lables"), ManifestSchemas.unknownFields(read("""
                apiVersion: notification.toolkit.fluxcd.io/v1
                kind: Receiver
                metadata: {name: r}
                spec:
                  type: github
                  interval: 1m
                  secretRef: {name: t}
                  resources: [{kind: ResourceSetInputProvider, name: p, lables: {}}]
                """)));
        assertEquals(List.of("spec.auth.kubeconfig.secret"), ManifestSchemas.unknownFields(read("""
                apiVersion: rset.dev/v1alpha1
                kind: Cluster
                metadata: {name: c}
                spec:
                  server: https://example.com
                  network: {allowPrivate: true}
                  auth: {kubeconfig: {secret: x}}
                """)));
        assertEquals(List.of(), ManifestSchemas.unknownFields(read("apiVersion: v1\nkind: ConfigMap\nfoo: bar\n")));
    }

    static ResourceSet rset(String metadata, String spec) {
        return ResourceSet.from(read("""
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata: {name: app, namespace: apps, %s}
                spec: {%s}
                """.formatted(metadata, spec)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "labels: {'bad key': x} | | metadata.labels: invalid key \"bad key\": name part must consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        "labels: {team: 'a b'} | | metadata.labels[team]: invalid label value \"a b\": a valid label must be an empty "
                + "string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                + "alphanumeric character",
        "annotations: {'Example.com/x': y} | | metadata.annotations: invalid key \"Example.com/x\": prefix part must be "
                + "a lowercase DNS subdomain of at most 253 characters",
        " | commonMetadata: {labels: {'-x': y}} | spec.commonMetadata.labels: invalid key \"-x\": name part must "
                + "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                + "character",
        " | inputsFrom: [{selector: {matchLabels: {team: 'x/y'}}}] | spec.inputsFrom[0].selector.matchLabels[team]: "
                + "invalid label value \"x/y\": a valid label must be an empty string or consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        " | inputsFrom: [{selector: {matchExpressions: [{key: 'a/b/c', operator: Exists}]}}] | "
                + "spec.inputsFrom[0].selector.matchExpressions[0].key: invalid key \"a/b/c\": name part must consist "
                + "of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"})
    void labelKeysValuesAndSelectorsFollowKubernetes(String metadata, String spec, String error) {
        var e = assertThrows(InvalidObjectException.class,
                () -> ManifestRules.check(rset(metadata == null ? "" : metadata, spec == null ? "" : spec)));
        assertEquals("ResourceSet apps/app: " + error, e.getMessage());
    }

    @Test
    void validLabelsPass() {
        ManifestRules.check(rset("labels: {app.kubernetes.io/name: web, empty: ''}, annotations: "
                + "{rset.dev/clusters: 'env=prod'}", "commonMetadata: {labels: {x.y/z: v1.2_3}}"));
    }
}
