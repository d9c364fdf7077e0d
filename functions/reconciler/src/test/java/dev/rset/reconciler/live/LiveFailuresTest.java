package dev.rset.reconciler.live;

import dev.rset.core.inputs.InputIds;
import dev.rset.delivery.Identity;
import dev.rset.reconciler.PairReconciler.Outcome;
import dev.rset.reconciler.PairRequest;
import dev.rset.store.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs that fail or wait on the real clusters, and what they leave alone. */
class LiveFailuresTest extends LiveFixture {
    @Test
    void aTemplateErrorAppliesAndPrunesNothing() {
        pr("42", "abc");
        run("a");
        String version = configMap(adminA, "app-42").getMetadata().getResourceVersion();
        define(RSET.replace("<< inputs.sha | quote >>", "<< inputs.sha.nope >>"), Map.of());
        closePr("42");
        pr("43", "new");
        Outcome o = run("a");
        assertEquals(Condition.REASON_BUILD_FAILED, o.reason());
        assertEquals(version, configMap(adminA, "app-42").getMetadata().getResourceVersion());
        assertNull(configMap(adminA, "app-43"));
        assertEquals("True", status("a").status().condition(Condition.STALLED).orElseThrow().status());
    }

    @Test
    void anObjectTheServerRejectsFailsTheRunWithoutGarbageCollection() {
        pr("42", "abc");
        run("a");
        closePr("42");
        pr("Bad_45", "x");
        Outcome o = run("a");
        assertEquals(Condition.REASON_FAILED, o.reason());
        assertTrue(o.retry());
        assertTrue(o.message().contains("app-Bad_45") || o.message().contains("keep-Bad_45"), o.message());
        assertTrue(configMap(adminA, "app-42") != null, "no garbage collection after a rejected object");
    }

    @Test
    void aFailedHealthCheckStopsTheStepsAndSkipsGarbageCollection() {
        pr("42", "abc");
        run("a");
        define(STEPS, Map.of());
        Outcome o = run("a");
        assertEquals(Condition.REASON_HEALTH_CHECK_FAILED, o.reason());
        assertTrue(o.message().startsWith("step \"db\": health check failed after 2s: Deployment/" + ns + "/db-42"),
                o.message());
        assertNotEquals(null, adminA.apps().deployments().inNamespace(ns).withName("db-42").get());
        assertTrue(configMap(adminA, "keep-42") != null);
        assertEquals("abc", configMap(adminA, "app-42").getData().get("sha"), "step app never ran, nothing pruned");
    }

    @Test
    void aServiceAccountWithoutRightsIsForbiddenAndNothingIsApplied() {
        define(RSET.replace("  inputsFrom:", "  serviceAccountName: deployer\n  inputsFrom:"), Map.of());
        pr("42", "abc");
        Outcome o = run("a");
        assertEquals(Condition.REASON_FAILED, o.reason());
        assertTrue(o.message().startsWith("Forbidden: system:serviceaccount:apps:deployer may not do this on "
                + "cluster a: "), o.message());
        assertTrue(adminA.configMaps().inNamespace(ns).list().getItems().stream()
                .noneMatch(c -> c.getMetadata().getName().endsWith("-42")));
    }

    @Test
    void dependsOnReadsTheTargetCluster() {
        define(RSET.replace("  inputsFrom:", "  dependsOn:\n"
                + "    - apiVersion: v1\n"
                + "      kind: ConfigMap\n"
                + "      name: platform\n"
                + "      namespace: " + ns + "\n"
                + "      readyExpr: self.data.ready == 'yes'\n"
                + "  inputsFrom:"), Map.of());
        pr("42", "abc");
        Outcome missing = run("a");
        assertEquals(Condition.REASON_DEPENDENCY_NOT_READY, missing.reason());
        assertEquals("dependency v1/ConfigMap/" + ns + "/platform not found", missing.message());
        adminA.configMaps().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("platform").endMetadata().addToData("ready", "yes").build()).create();
        assertEquals("True", run("a").status());
        assertFalse(configMap(adminA, "app-42") == null);
    }

    @Test
    void theDefaultServiceAccountOfTheNamespaceIsImpersonatedWhenNoneIsNamed() {
        pr("42", "abc");
        Outcome o = reconciler((namespace, serviceAccount) -> serviceAccount.isEmpty()
                ? Identity.serviceAccount(namespace, "restricted") : Identity.serviceAccount(namespace, serviceAccount))
                .reconcile(new PairRequest("apps", "previews", "a", false, Instant.now(), "test"));
        assertTrue(o.message().startsWith("Forbidden: system:serviceaccount:apps:restricted may not do this "
                + "on cluster a: "), o.message());
    }

    @Test
    void nothingIsAppliedOrPrunedWhileReconciliationIsDisabled() {
        pr("42", "abc");
        run("a");
        define(RSET.replace("rset.dev/clusters: env=prod", "rset.dev/clusters: env=prod\n"
                + "    fluxcd.controlplane.io/reconcile: disabled"), Map.of());
        closePr("42");
        Outcome o = run("a");
        assertEquals(new Outcome("False", Condition.REASON_RECONCILIATION_DISABLED, "Reconciliation is disabled",
                false), o);
        assertTrue(configMap(adminA, "app-42") != null);
        assertEquals(Condition.REASON_RECONCILIATION_DISABLED, status("a").status().condition(Condition.READY)
                .orElseThrow().reason());
        define(RSET.replace("rset.dev/clusters: env=prod", "rset.dev/clusters: env=dev\n"
                + "    fluxcd.controlplane.io/reconcile: disabled"), Map.of());
        run("a");
        assertTrue(configMap(adminA, "app-42") != null, "not placed any more, but disabled: nothing pruned");
    }

    @Test
    void inlineInputsAStaticProviderAndStoredInputsAreCombined() {
        define("""
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSetInputProvider
                metadata:
                  name: defaults
                  namespace: apps
                  uid: static-uid
                spec:
                  type: Static
                  defaultValues:
                    sha: static
                """, Map.of());
        define(RSET.replace("    - name: prs", "    - name: prs\n    - name: defaults")
                .replace("  inputsFrom:", "  inputs:\n    - id: inline\n      sha: fixed\n  inputsFrom:"), Map.of());
        pr("42", "abc");
        assertEquals("True", run("a").status(), status("a").lastError());
        assertEquals("fixed", configMap(adminA, "app-inline").getData().get("sha"));
        assertEquals("abc", configMap(adminA, "app-42").getData().get("sha"));
        assertEquals("static", configMap(adminA, "app-" + InputIds.of("static-uid")).getData().get("sha"));
    }
}
