package dev.rset.reconciler;

import dev.rset.core.yaml.GoYaml;
import dev.rset.delivery.Identity;
import dev.rset.reconciler.PairReconciler.Outcome;
import dev.rset.reconciler.render.RenderCache;
import dev.rset.reconciler.testing.InMemoryClusters;
import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;
import dev.rset.store.HistoryEntry;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.Ordering;
import dev.rset.store.OverallStatus;
import dev.rset.store.ProviderId;
import dev.rset.store.ScheduleState;
import dev.rset.store.StoredObject;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs against the real DynamoDB adapters on moto; the clusters are {@link InMemoryClusters}
 * until the kube-apiserver test clusters are merged.
 */
@ExtendWith(MotoServer.class)
class ResourceSetReconcilerTest {
    static final String UID = "0c6e7d52-uid-1";
    static final String RSET = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: previews
              namespace: apps
              uid: %s
              annotations:
                rset.dev/clusters: env=prod
            spec:
              inputsFrom:
                - name: prs
              resources:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: app-<< inputs.id >>
                    namespace: apps
                  data:
                    sha: << inputs.sha | quote >>
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: keep-<< inputs.id >>
                    namespace: apps
                    annotations:
                      fluxcd.controlplane.io/prune: disabled
            """;
    static final String STEPS = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: previews
              namespace: apps
              uid: 0c6e7d52-uid-1
              annotations:
                rset.dev/clusters: env=prod
            spec:
              inputsFrom:
                - name: prs
              steps:
                - name: db
                  timeout: 30s
                  resources:
                    - apiVersion: v1
                      kind: Secret
                      metadata:
                        name: db-<< inputs.id >>
                        namespace: apps
                - name: app
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: app-<< inputs.id >>
                        namespace: apps
            """;
    static final String RSIP = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSetInputProvider
            metadata:
              name: prs
              namespace: apps
              uid: 9f0e-prs
            spec:
              type: GitHubPullRequest
              url: https://github.com/org/app
            """;
    static final String CLUSTER = """
            apiVersion: rset.dev/v1alpha1
            kind: Cluster
            metadata:
              name: %s
            spec:
              server: https://%s.example.com:6443
              auth:
                kubeconfig:
                  secretRef:
                    name: rset/clusters/%s/kubeconfig
            """;
    static final ObjectKey KEY = new ObjectKey(Kind.RESOURCE_SET, "apps", "previews");
    static final ProviderId PRS = new ProviderId("apps", "prs");
    static final String APP_42 = "apps_app-42__ConfigMap";
    static final String KEEP_42 = "apps_keep-42__ConfigMap";

    DynamoStores stores;
    InMemoryClusters clusters;
    RenderCache renders;
    ResourceSetReconciler reconciler;
    int sequence;

    @BeforeEach
    void setUp(MotoServer moto) {
        DynamoDbClient db = TestTables.dynamo(moto);
        stores = new DynamoStores(db, TestTables.newTable(db, 1), Clock.systemUTC());
        clusters = new InMemoryClusters();
        renders = new RenderCache(16);
        reconciler = new ResourceSetReconciler(new ReconcilerStores(stores.definitions(), stores.inputs(),
                stores.inventories(), stores.statuses(), stores.schedules()), clusters, Identity.CONTROL_PLANE,
                renders, Clock.systemUTC());
        define(CLUSTER.formatted("a", "a", "a"), Map.of("env", "prod"));
        define(CLUSTER.formatted("b", "b", "b"), Map.of("env", "prod"));
        define(CLUSTER.formatted("c", "c", "c"), Map.of("env", "dev"));
        define(RSIP, Map.of());
        define(RSET.formatted(UID), Map.of());
    }

    @SuppressWarnings("unchecked")
    StoredObject define(String yaml, Map<String, String> labels) {
        Map<String, Object> m = (Map<String, Object>) GoYaml.readManifest(yaml, dev.rset.core.api.ManifestSchemas.ALL).documents().get(0);
        Map<String, Object> meta = (Map<String, Object>) m.get("metadata");
        Kind kind = Kind.byKind((String) m.get("kind")).orElseThrow();
        ObjectKey key = new ObjectKey(kind, kind.namespaced() ? (String) meta.get("namespace") : "",
                (String) meta.get("name"));
        long version = stores.definitions().get(key).map(StoredObject::resourceVersion).orElse(0L);
        return stores.definitions().put(key, m, labels, version);
    }

    void pr(String id, String sha) {
        stores.inputs().put(PRS, id, Map.of("id", id, "sha", sha), new Ordering(Instant.now(), "d" + ++sequence));
    }

    void closePr(String id) {
        stores.inputs().remove(PRS, id, new Ordering(Instant.now(), "d" + ++sequence));
    }

    Outcome run(String cluster) {
        return reconciler.reconcile(new PairRequest("apps", "previews", cluster, false, Instant.now(), "test"));
    }

    ClusterStatus status(String cluster) {
        return stores.statuses().clusters(KEY).stream().filter(s -> s.cluster().equals(cluster)).findFirst()
                .orElseThrow(() -> new AssertionError("no status for cluster " + cluster));
    }

    Condition ready(String cluster) {
        return status(cluster).status().condition(Condition.READY).orElseThrow();
    }

    List<String> inventory(String uid, String cluster) {
        return stores.inventories().get(new InventoryKey(KEY, uid, cluster)).entries().stream()
                .map(InventoryEntry::id).toList();
    }

    Object sha(String cluster, String id) {
        return ((Map<?, ?>) clusters.find(cluster, id).orElseThrow().get("data")).get("sha");
    }

    Object resourceVersion(String cluster, String id) {
        return ((Map<?, ?>) clusters.find(cluster, id).orElseThrow().get("metadata")).get("resourceVersion");
    }

    @Test
    void aPullRequestGoesToThePlacedClustersOnlyRenderedOnce() {
        pr("42", "abc");
        Outcome a = run("a");
        Outcome b = run("b");
        assertEquals(new Outcome("True", Condition.REASON_SUCCEEDED, a.message(), false), a);
        assertEquals("True", b.status());
        for (String cluster : List.of("a", "b")) {
            assertEquals("abc", sha(cluster, APP_42));
            assertTrue(clusters.find(cluster, KEEP_42).isPresent());
            assertEquals(List.of(APP_42, KEEP_42), inventory(UID, cluster));
            assertEquals(2, status(cluster).inventoryCount());
            assertEquals(List.of("ConfigMap/apps/app-42 created", "ConfigMap/apps/keep-42 created"),
                    status(cluster).changes());
            assertTrue(ready(cluster).message().startsWith("Reconciliation finished in "), ready(cluster).message());
        }
        assertTrue(clusters.on("c").isEmpty(), "cluster c is not placed");
        assertEquals(1, renders.builds(), "both clusters share one render");
        assertEquals(status("a").lastAppliedRevision(), status("b").lastAppliedRevision());
        ObjectStatus overall = OverallStatus.of(UID, List.of("a", "b"), stores.statuses().clusters(KEY),
                Instant.now());
        assertEquals("Reconciliation finished on 2 clusters",
                overall.condition(Condition.READY).orElseThrow().message());
    }

    @Test
    void aNewHeadShaUpdatesInPlaceAndASecondRunChangesNothing() {
        pr("42", "abc");
        run("a");
        Object before = resourceVersion("a", APP_42);
        Object keepBefore = resourceVersion("a", KEEP_42);
        run("a");
        assertEquals(before, resourceVersion("a", APP_42), "an idempotent run changes no resourceVersion");
        assertEquals(List.of(), status("a").changes());
        List<HistoryEntry> history = status("a").status().history();
        assertEquals(1, history.size());
        assertEquals(2, history.get(0).totalReconciliations());

        pr("42", "def");
        run("a");
        assertEquals("def", sha("a", APP_42));
        assertFalse(before.equals(resourceVersion("a", APP_42)));
        assertEquals(keepBefore, resourceVersion("a", KEEP_42));
        assertEquals(List.of("ConfigMap/apps/app-42 configured"), status("a").changes());
        assertEquals(2, status("a").status().history().size());
    }

    @Test
    void aClosedPullRequestIsPrunedExceptWhatDisablesPruning() {
        pr("42", "abc");
        pr("43", "xyz");
        run("a");
        closePr("42");
        closePr("43");
        Outcome o = run("a");
        assertEquals("True", o.status());
        assertTrue(clusters.find("a", APP_42).isEmpty());
        assertTrue(clusters.find("a", KEEP_42).isPresent(), "prune: disabled survives");
        assertEquals(List.of(), inventory(UID, "a"));
        assertEquals(0, status("a").inventoryCount());
        assertTrue(status("a").changes().containsAll(List.of("ConfigMap/apps/app-42 deleted",
                "ConfigMap/apps/app-43 deleted", "ConfigMap/apps/keep-42 skipped")), status("a").changes().toString());
    }

    @Test
    void aTemplateErrorStallsAndNeitherAppliesNorPrunes() {
        pr("42", "abc");
        run("a");
        Map<String, Map<String, Object>> before = Map.copyOf(clusters.on("a"));
        define(RSET.formatted(UID).replace("<< inputs.sha | quote >>", "<< inputs.sha.nope >>"), Map.of());
        closePr("42");
        pr("44", "new");
        Outcome o = run("a");
        assertEquals("False", o.status());
        assertEquals(Condition.REASON_BUILD_FAILED, o.reason());
        assertFalse(o.retry(), "a new spec or new inputs start the next run");
        assertTrue(o.message().startsWith("failed to build resources[0]: failed to execute template"), o.message());
        assertEquals(before, clusters.on("a"));
        assertEquals(List.of(APP_42, KEEP_42), inventory(UID, "a"));
        Condition stalled = status("a").status().condition(Condition.STALLED).orElseThrow();
        assertEquals(Condition.REASON_BUILD_FAILED, stalled.reason());
        assertEquals(2L, status("a").status().observedGeneration());
    }

    @Test
    void aRejectedObjectFailsTheRunKeepsEarlierObjectsAndSkipsGarbageCollection() {
        pr("42", "abc");
        run("a");
        closePr("42");
        pr("45", "bad");
        clusters.rejected.add("keep-45");
        Outcome o = run("a");
        assertEquals(new Outcome("False", Condition.REASON_FAILED, o.message(), true), o);
        assertTrue(o.message().contains("ConfigMap/apps/keep-45 is invalid"), o.message());
        assertTrue(clusters.find("a", "apps_app-45__ConfigMap").isPresent(), "applied before the rejected one");
        assertTrue(clusters.find("a", APP_42).isPresent(), "no garbage collection after a failure");
        assertEquals(List.of(APP_42, KEEP_42, "apps_app-45__ConfigMap", "apps_keep-45__ConfigMap"),
                inventory(UID, "a"), "the inventory forgets nothing that may be on the cluster");
        assertEquals(o.message(), status("a").lastError());
    }

    @Test
    void anUnreachableClusterFailsOnlyItsOwnPairAndIsNamedInTheOverallStatus() {
        pr("42", "abc");
        clusters.down.add("b");
        Outcome b = run("b");
        Outcome a = run("a");
        assertEquals("True", a.status());
        assertEquals(Condition.REASON_FAILED, b.reason());
        assertTrue(b.retry());
        assertTrue(b.message().startsWith("cluster b is unreachable: "), b.message());
        assertEquals("False", ready("b").status());
        Condition overall = OverallStatus.of(UID, List.of("a", "b"), stores.statuses().clusters(KEY), Instant.now())
                .condition(Condition.READY).orElseThrow();
        assertEquals("False", overall.status());
        assertTrue(overall.message().startsWith("cluster b: cluster b is unreachable"), overall.message());

        clusters.down.remove("b");
        assertEquals("True", run("b").status());
        assertEquals("abc", sha("b", APP_42));
    }

    @Test
    void unmetDependenciesWaitWithoutApplyingAnything() {
        define(RSET.formatted(UID).replace("  inputsFrom:", "  dependsOn:\n"
                + "    - apiVersion: v1\n"
                + "      kind: ConfigMap\n"
                + "      name: platform\n"
                + "      namespace: flux-system\n"
                + "      readyExpr: self.data.ready == 'yes'\n"
                + "  inputsFrom:"), Map.of());
        pr("42", "abc");
        Outcome o = run("a");
        assertEquals(new Outcome("False", Condition.REASON_DEPENDENCY_NOT_READY,
                "dependency v1/ConfigMap/flux-system/platform not found", true), o);
        assertTrue(clusters.on("a").isEmpty());
        clusters.put("a", Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "platform", "namespace", "flux-system"), "data", Map.of("ready", "no")));
        assertTrue(run("a").message().endsWith("readyExpr \"self.data.ready == 'yes'\" evaluated to false"));
        clusters.put("a", Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "platform", "namespace", "flux-system"), "data", Map.of("ready", "yes")));
        assertEquals("True", run("a").status());
    }

    @Test
    void aFailedHealthCheckStopsTheStepsAndSkipsGarbageCollection() {
        define(STEPS, Map.of());
        pr("42", "abc");
        assertEquals("True", run("a").status(), status("a").lastError());
        assertTrue(clusters.find("a", "apps_db-42__Secret").isPresent());
        pr("46", "new");
        clusters.unhealthy.add("db-46");
        closePr("42");
        Outcome o = run("a");
        assertEquals(Condition.REASON_HEALTH_CHECK_FAILED, o.reason());
        assertEquals("step \"db\": health check failed after 30s: Secret/apps/db-46 status: 'InProgress' (timeout)",
                o.message());
        assertTrue(clusters.find("a", "apps_app-46__ConfigMap").isEmpty(), "step app never ran");
        assertTrue(clusters.find("a", APP_42).isPresent(), "no garbage collection");
    }

    @Test
    void aDeletedResourceSetIsPrunedEverywhereAndForgotten() {
        pr("42", "abc");
        run("a");
        run("b");
        stores.schedules().put(ScheduleState.initial(KEY).withNextDue(Instant.now()));
        stores.definitions().delete(KEY, stores.definitions().get(KEY).orElseThrow().resourceVersion());
        assertEquals(List.of("a", "b"), reconciler.clustersOf("apps", "previews"));
        Outcome o = reconciler.reconcile(new PairRequest("apps", "previews", "", false, Instant.now(), "deleted"));
        assertEquals("True", o.status(), o.message());
        for (String cluster : List.of("a", "b")) {
            assertTrue(clusters.find(cluster, APP_42).isEmpty());
            assertTrue(clusters.find(cluster, KEEP_42).isPresent());
        }
        assertEquals(List.of(), stores.inventories().list(KEY));
        assertEquals(List.of(), stores.statuses().clusters(KEY));
        assertEquals(Optional.empty(), stores.schedules().get(KEY));
        assertEquals(List.of(), reconciler.clustersOf("apps", "previews"));
    }

    @Test
    void aClusterNoLongerPlacedIsCleanedUpWhileTheOthersStay() {
        pr("42", "abc");
        run("a");
        run("b");
        define(CLUSTER.formatted("b", "b", "b"), Map.of("env", "dev"));
        Outcome o = run("b");
        assertEquals("pruned 2 objects on cluster b", o.message());
        assertTrue(clusters.find("b", APP_42).isEmpty());
        assertEquals(List.of("a"), stores.statuses().clusters(KEY).stream().map(ClusterStatus::cluster).toList());
        assertEquals(List.of(APP_42, KEEP_42), inventory(UID, "a"));
        assertTrue(stores.definitions().get(KEY).isPresent());
    }

    @Test
    void aRecreatedResourceSetStartsCleanAndPrunesWhatItsPredecessorLeft() {
        pr("42", "abc");
        run("a");
        define(RSET.formatted("uid-2").replace("keep-", "other-"), Map.of());
        assertEquals("True", run("a").status());
        assertEquals(List.of(APP_42, "apps_other-42__ConfigMap"), inventory("uid-2", "a"));
        assertEquals(List.of(new InventoryKey(KEY, "uid-2", "a")), stores.inventories().list(KEY));
        assertTrue(clusters.find("a", KEEP_42).isPresent(), "prune: disabled survives the predecessor too");
        assertEquals(List.of("ConfigMap/apps/other-42 created", "ConfigMap/apps/keep-42 skipped"),
                status("a").changes());
    }

    @Test
    void disabledReconciliationOnlySaysSo() {
        define(RSET.formatted(UID).replace("rset.dev/clusters: env=prod",
                "rset.dev/clusters: env=prod\n    fluxcd.controlplane.io/reconcile: disabled"), Map.of());
        pr("42", "abc");
        Outcome o = run("a");
        assertEquals(new Outcome("False", Condition.REASON_RECONCILIATION_DISABLED, "Reconciliation is disabled",
                false), o);
        assertTrue(clusters.on("a").isEmpty());
        assertEquals(List.of(), clusters.opened);
        assertEquals(Condition.REASON_RECONCILIATION_DISABLED, ready("a").reason());
    }

    @Test
    void nothingIsPrunedWhileReconciliationIsDisabled() {
        pr("42", "abc");
        run("b");
        define(RSET.formatted(UID).replace("rset.dev/clusters: env=prod",
                "rset.dev/clusters: env=dev\n    fluxcd.controlplane.io/reconcile: disabled"), Map.of());
        assertEquals(Condition.REASON_RECONCILIATION_DISABLED, run("b").reason());
        assertTrue(clusters.find("b", APP_42).isPresent());
        assertEquals(List.of(APP_42, KEEP_42), inventory(UID, "b"));
    }

    @Test
    void requestsImpersonateTheServiceAccountOrTheDefault() {
        pr("42", "abc");
        run("a");
        define(RSET.formatted(UID).replace("  inputsFrom:", "  serviceAccountName: deployer\n  inputsFrom:"),
                Map.of());
        run("a");
        assertEquals(List.of("a as control plane", "a as system:serviceaccount:apps:deployer"), clusters.opened);
        List<String> more = new ArrayList<>(clusters.opened);
        ResourceSetReconciler withDefault = new ResourceSetReconciler(new ReconcilerStores(stores.definitions(),
                stores.inputs(), stores.inventories(), stores.statuses(), stores.schedules()), clusters,
                Identity.serviceAccount("rset-system", "restricted"), renders, Clock.systemUTC());
        define(RSET.formatted(UID), Map.of());
        withDefault.reconcile(new PairRequest("apps", "previews", "b", false, Instant.now(), "test"));
        more.add("b as system:serviceaccount:rset-system:restricted");
        assertEquals(more, clusters.opened);
    }

    @Test
    void aServiceAccountWithoutRightsGetsAClearForbiddenAndNothingIsApplied() {
        define(RSET.formatted(UID).replace("  inputsFrom:", "  serviceAccountName: deployer\n  inputsFrom:"),
                Map.of());
        pr("42", "abc");
        clusters.forbiddenNamespaces.add("apps");
        Outcome o = run("a");
        assertEquals(Condition.REASON_FAILED, o.reason());
        assertEquals("Forbidden: system:serviceaccount:apps:deployer may not do this on cluster a: "
                + "configmaps \"app-42\" is forbidden: cannot patch resource in the namespace \"apps\"", o.message());
        assertTrue(clusters.on("a").isEmpty());
        assertEquals(o.message(), ready("a").message());
    }

    @Test
    void inlineInputsAndAStaticProviderAreCombinedWithTheStoredOnes() {
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
        define(RSET.formatted(UID).replace("    - name: prs", "    - name: prs\n    - name: defaults")
                .replace("  inputsFrom:", "  inputs:\n    - id: inline\n      sha: fixed\n  inputsFrom:"), Map.of());
        pr("42", "abc");
        assertEquals("True", run("a").status());
        assertEquals("fixed", sha("a", "apps_app-inline__ConfigMap"));
        assertEquals("abc", sha("a", APP_42));
        String staticId = dev.rset.core.inputs.InputIds.of("static-uid");
        assertEquals("static", sha("a", "apps_app-" + staticId + "__ConfigMap"));
    }
}
