package dev.rset.e2e;

import static dev.rset.e2e.FluxCrds.gitRepository;
import static dev.rset.e2e.FluxCrds.helmRelease;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.reconciler.PairRequest;
import dev.rset.reconciler.live.TestClusterConnector;
import dev.rset.store.testing.MotoServer;
import dev.rset.testclusters.KubeCluster;
import dev.rset.testclusters.TestClusters;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #8's acceptance, end to end through the real handlers: a signed GitHub
 * {@code pull_request} delivery to the webhook handler (moto DynamoDB, Secrets Manager,
 * EventBridge), template.yaml's rule for {@code InputsChanged} into a queue, the dispatcher, the
 * SQS FIFO pair queue, the reconcile handler, and the objects on the two real kube-apiserver test
 * clusters, registered through the management API with their kubeconfigs in Secrets Manager.
 * Cluster {@code a} is {@code env=prod}, {@code b} is {@code env=dev}; every test has its own
 * ResourceSet, provider and Receiver (in a control-plane namespace of their own) and its own
 * namespace on the clusters.
 */
@ExtendWith(MotoServer.class)
class WebhookToClusterTest {
    static final String SHA1 = "a1".repeat(20);
    static final String SHA2 = "b2".repeat(20);
    static final String SHA3 = "c3".repeat(20);
    static final Duration DELETED_WITHIN = Duration.ofSeconds(30);

    static Pipeline pipeline;
    static KubernetesClient adminA;
    static KubernetesClient adminB;
    String ns;
    Previews previews;

    @BeforeAll
    static void stack(MotoServer moto) {
        pipeline = Pipeline.create(moto.endpoint());
        adminA = TestClusterConnector.admin(TestClusters.shared().a());
        adminB = TestClusterConnector.admin(TestClusters.shared().b());
        FluxCrds.install(adminA);
        FluxCrds.install(adminB);
        register(TestClusters.shared().a(), "prod");
        register(TestClusters.shared().b(), "dev");
    }

    @AfterAll
    static void close() {
        adminA.close();
        adminB.close();
    }

    static void register(KubeCluster cluster, String env) {
        Map<String, Object> ready = pipeline.register(cluster.name(), cluster.server(), cluster.kubeconfig(),
                Map.of("env", env));
        assertEquals("True", ready.get("status"), ready.toString());
    }

    @BeforeEach
    void namespaceAndSources() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        ns = "e2e-" + id;
        for (KubernetesClient c : List.of(adminA, adminB)) {
            c.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
        previews = Previews.declare(pipeline, "pv-" + id, ns);
    }

    @Test
    void aPullRequestLivesOnTheProdClusterOnlyFromOpenedToClosed() {
        previews.place("env=prod");
        pipeline.deliver();

        assertEquals(200, previews.opened(42, SHA1));
        Pipeline.Round opened = pipeline.deliver();
        assertEquals(new Pipeline.Round(1, 1, List.of()), opened, "one InputsChanged, one pair: (ResourceSet, a)");
        GenericKubernetesResource repo = gitRepository(adminA, ns, "app-42");
        GenericKubernetesResource release = helmRelease(adminA, ns, "app-42");
        assertNotNull(repo, "GitRepository on cluster a");
        assertNotNull(release, "HelmRelease on cluster a");
        assertEquals(SHA1, at(repo.getAdditionalProperties(), "spec", "ref", "commit"));
        assertEquals(Map.of("resourceset.fluxcd.controlplane.io/name", previews.name(),
                "resourceset.fluxcd.controlplane.io/namespace", previews.namespace()), repo.getMetadata().getLabels());
        assertEquals(List.of(), adminB.genericKubernetesResources(FluxCrds.GIT_REPOSITORY, "GitRepository")
                .inNamespace(ns).list().getItems(), "cluster b is env=dev: not placed");
        assertEquals(List.of(), adminB.genericKubernetesResources(FluxCrds.HELM_RELEASE, "HelmRelease")
                .inNamespace(ns).list().getItems());

        assertEquals(200, previews.pushed(42, SHA2));
        pipeline.deliver();
        GenericKubernetesResource repo2 = gitRepository(adminA, ns, "app-42");
        GenericKubernetesResource release2 = helmRelease(adminA, ns, "app-42");
        assertEquals(repo.getMetadata().getUid(), repo2.getMetadata().getUid(), "updated in place");
        assertEquals(release.getMetadata().getUid(), release2.getMetadata().getUid(), "updated in place");
        assertEquals(SHA2, at(repo2.getAdditionalProperties(), "spec", "ref", "commit"));
        assertEquals(SHA2, at(release2.getAdditionalProperties(), "spec", "values", "image", "tag"));

        assertEquals(200, previews.closed(42));
        pipeline.deliver();
        Await.until("GitRepository and HelmRelease app-42 deleted from cluster a", DELETED_WITHIN,
                () -> gitRepository(adminA, ns, "app-42") == null && helmRelease(adminA, ns, "app-42") == null);
        assertNotNull(configMap(adminA, "notes-42"), "fluxcd.controlplane.io/prune: disabled survives");
        Map<String, Object> status = pipeline.get(previews.path() + "/status");
        assertEquals(List.of(Map.of("cluster", "a", "entries", List.of())), at(status, "status", "inventory"));
        assertEquals("True", condition(status.get("status"), "Ready").get("status"));
    }

    @Test
    void aStoppedClusterHoldsUpOnlyItselfAndConvergesWhenBack() {
        previews.place("env in (prod,dev)");
        pipeline.deliver();
        assertEquals(200, previews.opened(7, SHA1));
        pipeline.deliver();
        assertEquals(SHA1, at(gitRepository(adminB, ns, "app-7").getAdditionalProperties(), "spec", "ref", "commit"));

        KubeCluster b = TestClusters.shared().b();
        b.stop();
        try {
            assertEquals(200, previews.pushed(7, SHA2));
            Pipeline.Round round = pipeline.deliver();
            assertEquals(List.of("b"), round.returned().stream().map(PairRequest::cluster).toList(),
                    "b's request goes back to the queue; a's is done");
            assertEquals(SHA2, at(gitRepository(adminA, ns, "app-7").getAdditionalProperties(), "spec", "ref",
                    "commit"), "cluster a converged");

            Map<String, Object> view = pipeline.get(previews.path());
            Map<String, Object> ready = condition(view.get("status"), "Ready");
            assertEquals("False", ready.get("status"));
            assertTrue(((String) ready.get("message")).startsWith("cluster b: cluster b is unreachable: "),
                    ready.toString());
            Map<String, Object> onB = cluster(view, "b");
            assertEquals("ReconciliationFailed", condition(onB, "Ready").get("reason"));
            assertTrue(((String) onB.get("lastError")).startsWith("cluster b is unreachable: "), onB.toString());
            assertEquals("True", condition(cluster(view, "a"), "Ready").get("status"));
        } finally {
            b.start();
        }

        pipeline.returnFailed();
        Pipeline.Round again = pipeline.deliver();
        assertEquals(new Pipeline.Round(0, 1, List.of()), again, "b's request, run once b is back");
        assertEquals(SHA2, at(gitRepository(adminB, ns, "app-7").getAdditionalProperties(), "spec", "ref", "commit"));
        assertEquals("True", condition(pipeline.get(previews.path()).get("status"), "Ready").get("status"));
    }

    @Test
    void aSecondRunWithTheSameInputsChangesNothingOnEitherCluster() {
        assertEquals(200, previews.opened(42, SHA1));
        assertEquals(new Pipeline.Round(0, 0, List.of()), pipeline.deliver(), "no ResourceSet reads the provider yet");
        previews.place("env in (prod,dev)");
        assertEquals(new Pipeline.Round(1, 2, List.of()), pipeline.deliver(), "the apply's request, on a and b");
        List<String> versions = versions();

        pipeline.post(previews.path() + "/reconcile");
        assertEquals(new Pipeline.Round(1, 2, List.of()), pipeline.deliver());
        assertEquals(versions, versions(), "no resourceVersion changed on either cluster");
        Map<String, Object> view = pipeline.get(previews.path());
        for (String c : List.of("a", "b")) {
            Map<String, Object> pair = cluster(view, c);
            List<?> history = (List<?>) pair.get("history");
            assertEquals(1, history.size(), c + ": one digest " + history);
            assertEquals(2, at(pair, "history", "0", "totalReconciliations"), c + ": two runs");
            assertEquals(pair.get("lastAppliedRevision"), at(pair, "history", "0", "digest"));
        }
    }

    @Test
    void aTemplateErrorStallsTheResourceSetAndAppliesOrPrunesNothing() {
        previews.place("env=prod");
        pipeline.deliver();
        assertEquals(200, previews.opened(42, SHA1));
        pipeline.deliver();
        List<String> versions = versions();

        pipeline.apply(previews.resourceSet("env=prod").replace("tag: << inputs.sha | quote >>",
                "tag: << inputs.sha.nope >>"));
        assertEquals(200, previews.closed(42));
        assertEquals(200, previews.opened(43, SHA3));
        Pipeline.Round round = pipeline.deliver();
        assertEquals(List.of(), round.returned(), "a build error is not retried until the inputs or spec change");

        assertNull(gitRepository(adminA, ns, "app-43"), "nothing applied");
        assertNull(configMap(adminA, "notes-43"), "nothing applied");
        assertEquals(versions, versions(), "nothing pruned or changed");
        Map<String, Object> onA = cluster(pipeline.get(previews.path()), "a");
        Map<String, Object> stalled = condition(onA, "Stalled");
        assertEquals("True", stalled.get("status"), onA.toString());
        assertEquals("BuildFailed", stalled.get("reason"));
        String message = (String) stalled.get("message");
        assertTrue(message.startsWith("failed to build resources[1]: failed to execute template: ")
                && message.contains("can't evaluate field nope"), message);
        assertEquals(3L, ((Number) onA.get("inventoryCount")).longValue(), "the inventory is kept");
    }

    @Test
    void aFailingHealthCheckStopsTheRunAndSkipsGarbageCollection() {
        previews.place("env=prod");
        pipeline.deliver();
        assertEquals(200, previews.opened(42, SHA1));
        pipeline.deliver();
        assertNotNull(gitRepository(adminA, ns, "app-42"));

        // Wait for health with a short timeout: nothing sets the Flux objects' status on the test
        // clusters, so they never become Ready.
        pipeline.apply(previews.resourceSet("env=prod")
                .replace("  inputsFrom:\n", "  wait: true\n  inputsFrom:\n")
                .replace("    rset.dev/clusters: ", "    fluxcd.controlplane.io/reconcileTimeout: 3s\n    rset.dev/clusters: "));
        assertEquals(200, previews.closed(42));
        assertEquals(200, previews.opened(43, SHA3));
        pipeline.deliver();

        assertNotNull(gitRepository(adminA, ns, "app-43"), "the new objects were applied before the health check");
        assertNotNull(gitRepository(adminA, ns, "app-42"), "no garbage collection after a failed health check");
        assertNotNull(helmRelease(adminA, ns, "app-42"));
        Map<String, Object> ready = condition(cluster(pipeline.get(previews.path()), "a"), "Ready");
        assertEquals("False", ready.get("status"), ready.toString());
        assertEquals("HealthCheckFailed", ready.get("reason"), ready.toString());
    }

    /** name=resourceVersion of the rendered objects on both clusters, in a fixed order. */
    List<String> versions() {
        List<String> out = new java.util.ArrayList<>();
        for (KubernetesClient c : List.of(adminA, adminB)) {
            List<HasMetadata> objects = new java.util.ArrayList<>();
            objects.addAll(c.genericKubernetesResources(FluxCrds.GIT_REPOSITORY, "GitRepository").inNamespace(ns)
                    .list().getItems());
            objects.addAll(c.genericKubernetesResources(FluxCrds.HELM_RELEASE, "HelmRelease").inNamespace(ns)
                    .list().getItems());
            objects.addAll(c.configMaps().inNamespace(ns).list().getItems().stream()
                    .filter(m -> m.getMetadata().getName().startsWith("notes-")).toList());
            objects.forEach(o -> out.add(c.getMasterUrl().getPort() + "/" + o.getKind() + "/"
                    + o.getMetadata().getName() + "=" + o.getMetadata().getResourceVersion()));
        }
        return out;
    }

    ConfigMap configMap(KubernetesClient c, String name) {
        return c.configMaps().inNamespace(ns).withName(name).get();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cluster(Map<String, Object> view, String name) {
        return ((List<Map<String, Object>>) at(view, "status", "clusters")).stream()
                .filter(c -> name.equals(c.get("cluster"))).findFirst()
                .orElseThrow(() -> new AssertionError("no status.clusters[] entry for " + name + ": " + view));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> condition(Object status, String type) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) status).get("conditions")).stream()
                .filter(c -> type.equals(c.get("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + status));
    }

    /** The value at a path of map keys and list indexes. */
    static Object at(Object from, String... path) {
        Object v = from;
        for (String p : path) {
            v = v instanceof Map<?, ?> m ? m.get(p) : v instanceof List<?> l ? l.get(Integer.parseInt(p)) : null;
        }
        return v;
    }
}
