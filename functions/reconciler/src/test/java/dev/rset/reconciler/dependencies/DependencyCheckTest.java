package dev.rset.reconciler.dependencies;

import dev.rset.core.api.Dependency;
import dev.rset.core.yaml.GoYaml;
import dev.rset.delivery.ObjectRef;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencyCheckTest {
    static final String HELM_RELEASE = """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: db
              namespace: apps
              generation: 3
              labels:
                app/version: v1.2.3
            status:
              observedGeneration: 3
              conditions:
              - type: Ready
                status: "%s"
                message: %s
            """;
    static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: helmreleases.helm.toolkit.fluxcd.io
            status:
              conditions:
              - type: Established
                status: "True"
            """;

    final Map<String, Map<String, Object>> cluster = new HashMap<>();

    @SuppressWarnings("unchecked")
    void put(String yaml) {
        Map<String, Object> o = (Map<String, Object>) GoYaml.readManifest(yaml, dev.rset.core.api.ManifestSchemas.ALL).documents().get(0);
        cluster.put(ObjectRef.of(o).inventoryId(), o);
    }

    List<String> check(Dependency... deps) {
        return DependencyCheck.unmet(List.of(deps), ref -> Optional.ofNullable(cluster.get(ref.inventoryId())));
    }

    static Dependency dep(String apiVersion, String kind, String ns, String name, boolean ready, String expr) {
        return new Dependency(apiVersion, kind, name, ns, ready, expr);
    }

    @Test
    void aMissingDependencyIsNamed() {
        assertEquals(List.of("dependency helm.toolkit.fluxcd.io/v2/HelmRelease/apps/db not found"),
                check(dep("helm.toolkit.fluxcd.io/v2", "HelmRelease", "apps", "db", false, "")));
    }

    @Test
    void existenceIsEnoughWithoutReadyAndClusterScopedObjectsHaveNoNamespace() {
        put(HELM_RELEASE.formatted("False", "install retries exhausted"));
        put(CRD);
        assertEquals(List.of(), check(dep("helm.toolkit.fluxcd.io/v2", "HelmRelease", "apps", "db", false, ""),
                dep("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "helmreleases.helm.toolkit.fluxcd.io",
                        false, "")));
    }

    @Test
    void readyNeedsTheReadyConditionTrue() {
        put(HELM_RELEASE.formatted("False", "install retries exhausted"));
        assertEquals(List.of("dependency helm.toolkit.fluxcd.io/v2/HelmRelease/apps/db not ready: "
                + "Ready condition is False: install retries exhausted"),
                check(dep("helm.toolkit.fluxcd.io/v2", "HelmRelease", "apps", "db", true, "")));
        put(HELM_RELEASE.formatted("True", "ok"));
        assertEquals(List.of(), check(dep("helm.toolkit.fluxcd.io/v2", "HelmRelease", "apps", "db", true, "")));
        put(CRD);
        assertEquals(List.of("dependency apiextensions.k8s.io/v1/CustomResourceDefinition/"
                + "helmreleases.helm.toolkit.fluxcd.io not ready: it has no Ready condition"),
                check(dep("apiextensions.k8s.io/v1", "CustomResourceDefinition", "",
                        "helmreleases.helm.toolkit.fluxcd.io", true, "")));
    }

    @Test
    void readyExprIsEvaluatedWithCelOverTheObjectAsSelf() {
        put(HELM_RELEASE.formatted("True", "ok"));
        String expr = "self.metadata.labels['app/version'] == 'v1.2.3' && "
                + "self.status.conditions.filter(c, c.type == 'Ready').all(c, c.status == 'True') && "
                + "self.metadata.generation == self.status.observedGeneration";
        assertEquals(List.of(), check(dep("helm.toolkit.fluxcd.io/v2", "HelmRelease", "apps", "db", true, expr)));
        String older = "self.metadata.labels['app/version'] == 'v1.2.4'";
        assertEquals(List.of("dependency helm.toolkit.fluxcd.io/v2/HelmRelease/apps/db not ready: readyExpr \""
                + older + "\" evaluated to false"),
                check(dep("helm.toolkit.fluxcd.io/v2", "HelmRelease", "apps", "db", true, older)));
    }

    @Test
    void readyExprErrorsAreReportedNotThrown() {
        put(HELM_RELEASE.formatted("True", "ok"));
        List<String> notBool = check(dep("helm.toolkit.fluxcd.io/v2", "HelmRelease", "apps", "db", true,
                "self.metadata.name"));
        assertEquals(1, notBool.size());
        assertTrue(notBool.get(0).contains("must evaluate to a bool, got String db"), notBool.get(0));
        List<String> syntax = check(dep("helm.toolkit.fluxcd.io/v2", "HelmRelease", "apps", "db", true,
                "self.metadata.name =="));
        assertTrue(syntax.get(0).startsWith("dependency helm.toolkit.fluxcd.io/v2/HelmRelease/apps/db: readyExpr "
                + "\"self.metadata.name ==\" does not compile"), syntax.get(0));
        List<String> missing = check(dep("helm.toolkit.fluxcd.io/v2", "HelmRelease", "apps", "db", true,
                "self.spec.suspend == false"));
        assertTrue(missing.get(0).contains("failed"), missing.get(0));
    }

    @Test
    void numbersFromJsonCompareAsCelIntegersAndDoubles() {
        Map<String, Object> o = Map.of("status", Map.of("replicas", 3, "ratio", 0.5f, "ready", Boolean.TRUE));
        assertTrue(ReadyExpression.compile("self.status.replicas == 3 && self.status.ratio < 1.0 "
                + "&& self.status.ready").test(o));
        assertThrows(IllegalArgumentException.class, () -> ReadyExpression.compile("self.status.replicas +"));
    }
}
