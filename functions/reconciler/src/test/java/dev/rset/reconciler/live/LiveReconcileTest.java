package dev.rset.reconciler.live;

import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.yaml.GoYaml;
import dev.rset.delivery.Identity;
import dev.rset.reconciler.PairReconciler.Outcome;
import dev.rset.reconciler.PairRequest;
import dev.rset.reconciler.ReconcilerStores;
import dev.rset.reconciler.ResourceSetReconciler;
import dev.rset.reconciler.render.RenderCache;
import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;
import dev.rset.store.HistoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.Ordering;
import dev.rset.store.OverallStatus;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredObject;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import dev.rset.testclusters.KubeCluster;
import dev.rset.testclusters.TestClusters;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs against the real DynamoDB adapters on moto and the two real kube-apiserver test clusters. */
@ExtendWith(MotoServer.class)
class LiveReconcileTest {
    static final String RSET = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: previews
              namespace: apps
              uid: %UID%
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
                    namespace: %NS%
                  data:
                    sha: << inputs.sha | quote >>
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: keep-<< inputs.id >>
                    namespace: %NS%
                    annotations:
                      fluxcd.controlplane.io/prune: disabled
            """;
    static final String STEPS = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: previews
              namespace: apps
              uid: %UID%
              annotations:
                rset.dev/clusters: env=prod
            spec:
              inputsFrom:
                - name: prs
              steps:
                - name: db
                  timeout: 2s
                  resources:
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: db-<< inputs.id >>
                        namespace: %NS%
                      spec:
                        selector:
                          matchLabels: {app: db}
                        template:
                          metadata:
                            labels: {app: db}
                          spec:
                            containers:
                              - name: db
                                image: postgres:17
                - name: app
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: app-<< inputs.id >>
                        namespace: %NS%
            """;
    static final String RSIP = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSetInputProvider
            metadata:
              name: prs
              namespace: apps
              uid: prs-uid
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
              server: %s
              auth:
                kubeconfig:
                  secretRef:
                    name: rset/clusters/%s/kubeconfig
            """;
    static final ObjectKey KEY = new ObjectKey(Kind.RESOURCE_SET, "apps", "previews");
    static final ProviderId PRS = new ProviderId("apps", "prs");

    static KubernetesClient adminA;
    static KubernetesClient adminB;
    DynamoStores stores;
    ResourceSetReconciler reconciler;
    String ns;
    String uid;
    int sequence;

    @BeforeAll
    static void clusters() {
        adminA = TestClusterConnector.admin(TestClusters.shared().a());
        adminB = TestClusterConnector.admin(TestClusters.shared().b());
    }

    @AfterAll
    static void close() {
        adminA.close();
        adminB.close();
    }

    @BeforeEach
    void setUp(MotoServer moto) {
        DynamoDbClient db = TestTables.dynamo(moto);
        stores = new DynamoStores(db, TestTables.newTable(db, 1), Clock.systemUTC());
        reconciler = new ResourceSetReconciler(new ReconcilerStores(stores.definitions(), stores.inputs(),
                stores.inventories(), stores.statuses(), stores.schedules()), new TestClusterConnector(),
                Identity.CONTROL_PLANE, new RenderCache(16), Clock.systemUTC());
        ns = "rc-" + UUID.randomUUID().toString().substring(0, 8);
        uid = UUID.randomUUID().toString();
        for (KubernetesClient c : List.of(adminA, adminB)) {
            c.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
        register("a", "prod");
        register("b", "dev");
        define(RSIP, Map.of());
        define(RSET, Map.of());
    }

    void register(String name, String env) {
        KubeCluster k = TestClusters.shared().cluster(name);
        define(CLUSTER.formatted(name, k.server(), name), Map.of("env", env));
    }

    @SuppressWarnings("unchecked")
    void define(String yaml, Map<String, String> labels) {
        Map<String, Object> m = (Map<String, Object>) GoYaml.readManifest(yaml.replace("%UID%", uid)
                .replace("%NS%", ns), ManifestSchemas.ALL).documents().get(0);
        Map<String, Object> meta = (Map<String, Object>) m.get("metadata");
        Kind kind = Kind.byKind((String) m.get("kind")).orElseThrow();
        ObjectKey key = new ObjectKey(kind, kind.namespaced() ? (String) meta.get("namespace") : "",
                (String) meta.get("name"));
        stores.definitions().put(key, m, labels,
                stores.definitions().get(key).map(StoredObject::resourceVersion).orElse(0L));
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

    ConfigMap configMap(KubernetesClient c, String name) {
        return c.configMaps().inNamespace(ns).withName(name).get();
    }

    ClusterStatus status(String cluster) {
        return stores.statuses().clusters(KEY).stream().filter(s -> s.cluster().equals(cluster)).findFirst()
                .orElseThrow();
    }

    @Test
    void aPullRequestLivesOnThePlacedClusterOnlyFromOpenedToClosed() {
        pr("42", "abc");
        assertEquals("True", run("a").status(), status("a").lastError());
        assertEquals("True", run("b").status());
        assertEquals("abc", configMap(adminA, "app-42").getData().get("sha"));
        assertNull(configMap(adminB, "app-42"), "cluster b is not placed");
        assertEquals(Map.of("resourceset.fluxcd.controlplane.io/name", "previews",
                "resourceset.fluxcd.controlplane.io/namespace", "apps"), configMap(adminA, "app-42").getMetadata()
                .getLabels());

        pr("42", "def");
        assertEquals("True", run("a").status());
        ConfigMap updated = configMap(adminA, "app-42");
        assertEquals("def", updated.getData().get("sha"));
        assertEquals(List.of("ConfigMap/" + ns + "/app-42 configured"), status("a").changes());

        String appVersion = updated.getMetadata().getResourceVersion();
        String keepVersion = configMap(adminA, "keep-42").getMetadata().getResourceVersion();
        assertEquals("True", run("a").status());
        assertEquals(appVersion, configMap(adminA, "app-42").getMetadata().getResourceVersion(),
                "a second run with the same inputs changes no resourceVersion");
        assertEquals(keepVersion, configMap(adminA, "keep-42").getMetadata().getResourceVersion());
        HistoryEntry head = status("a").status().history().get(0);
        assertEquals(2, head.totalReconciliations());
        assertEquals(2, status("a").status().history().size(), "one entry per digest: abc, then def twice");

        closePr("42");
        assertEquals("True", run("a").status());
        assertNull(configMap(adminA, "app-42"));
        assertTrue(configMap(adminA, "keep-42") != null, "prune: disabled survives");
        assertEquals(List.of(), stores.inventories().get(new InventoryKey(KEY, uid, "a")).entries());
    }

    @Test
    void aStoppedClusterFailsOnlyItsOwnPairAndConvergesOnceBack() {
        register("b", "prod");
        pr("7", "one");
        assertEquals("True", run("a").status());
        assertEquals("True", run("b").status());
        KubeCluster b = TestClusters.shared().b();
        pr("7", "two");
        b.stop();
        try {
            Outcome down = run("b");
            assertEquals(Condition.REASON_FAILED, down.reason());
            assertTrue(down.retry());
            assertTrue(down.message().startsWith("cluster b is unreachable: "), down.message());
            assertEquals("True", run("a").status());
            assertEquals("two", configMap(adminA, "app-7").getData().get("sha"));
            Condition overall = OverallStatus.of(uid, List.of("a", "b"), stores.statuses().clusters(KEY),
                    Instant.now()).condition(Condition.READY).orElseThrow();
            assertEquals("False", overall.status());
            assertTrue(overall.message().startsWith("cluster b: cluster b is unreachable"), overall.message());
        } finally {
            b.start();
        }
        assertEquals("True", run("b").status(), status("b").lastError());
        assertEquals("two", configMap(adminB, "app-7").getData().get("sha"));
    }

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
}
