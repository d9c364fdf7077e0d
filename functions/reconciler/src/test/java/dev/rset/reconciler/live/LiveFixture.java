package dev.rset.reconciler.live;

import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.yaml.GoYaml;
import dev.rset.delivery.ClusterConnector;
import dev.rset.delivery.Identities;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import dev.rset.delivery.Identity;
import dev.rset.reconciler.PairReconciler.Outcome;
import dev.rset.reconciler.PairRequest;
import dev.rset.reconciler.ReconcilerStores;
import dev.rset.reconciler.ResourceSetReconciler;
import dev.rset.reconciler.render.RenderCache;
import dev.rset.store.ClusterStatus;
import dev.rset.store.InventoryKey;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.Ordering;
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
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the live reconcile tests share: the real DynamoDB adapters on moto, the two real
 * kube-apiserver test clusters registered as {@code a} (env=prod) and {@code b} (env=dev), a
 * provider of pull requests, and a fresh namespace on both clusters per test.
 */
@ExtendWith(MotoServer.class)
abstract class LiveFixture {
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
    ClusterConnector connector;
    RenderCache renders;
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
        connector = TestClusterConnector.connector(new SecretsManagerSecretStore(TestTables.secrets(moto)));
        renders = new RenderCache(16);
        reconciler = reconciler((namespace, serviceAccount) -> serviceAccount.isEmpty() ? Identity.CONTROL_PLANE
                : Identity.serviceAccount(namespace, serviceAccount));
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

    ResourceSetReconciler reconciler(Identities identities) {
        return new ResourceSetReconciler(new ReconcilerStores(stores.definitions(), stores.inputs(),
                stores.inventories(), stores.statuses(), stores.schedules()), connector,
                identities, renders, Clock.systemUTC());
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

    List<String> inventory(String cluster) {
        return stores.inventories().get(new InventoryKey(KEY, uid, cluster)).entries().stream()
                .map(dev.rset.store.InventoryEntry::id).toList();
    }

    ClusterStatus status(String cluster) {
        return stores.statuses().clusters(KEY).stream().filter(s -> s.cluster().equals(cluster)).findFirst()
                .orElseThrow();
    }
}
