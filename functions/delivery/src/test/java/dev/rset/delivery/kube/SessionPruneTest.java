package dev.rset.delivery.kube;

import static dev.rset.delivery.kube.Manifests.configMap;
import static dev.rset.delivery.kube.Manifests.crd;
import static dev.rset.delivery.kube.Manifests.custom;
import static dev.rset.delivery.kube.Manifests.map;
import static dev.rset.delivery.kube.Manifests.namespace;
import static dev.rset.delivery.kube.Manifests.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.Change;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import dev.rset.delivery.ObjectRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionPruneTest {
    static final Map<String, String> OWNER = Map.of("resourceset.fluxcd.controlplane.io/name", "apps",
            "resourceset.fluxcd.controlplane.io/namespace", "team");
    static final ApplyOptions OPTIONS = new ApplyOptions(ApplyOptions.FIELD_MANAGER, OWNER, Duration.ofSeconds(20));
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    static KubernetesClient admin;
    static ClusterSession session;

    @BeforeAll
    static void open() {
        admin = LiveCluster.admin();
        session = new Fabric8ClusterSession("a", LiveCluster.admin());
    }

    @AfterAll
    static void close() {
        session.close();
        admin.close();
    }

    private static List<String> described(List<Change> changes) {
        return changes.stream().map(Change::toString).toList();
    }

    private static boolean exists(ObjectRef ref) {
        return session.get(ref).isPresent();
    }

    @Test
    void deletesOurStaleObjectsAndKeepsTheOnesMarkedOrNotOurs() {
        String ns = unique("prune");
        Map<String, Object> kept = configMap(ns, "kept", map());
        ((Map<String, Object>) kept.get("metadata")).put("annotations", map("fluxcd.controlplane.io/prune", "disabled"));
        session.apply(List.of(namespace(ns), configMap(ns, "old", map()), kept), OPTIONS);
        ObjectRef old = ObjectRef.of(configMap(ns, "old", map()));
        ObjectRef keptRef = ObjectRef.of(kept);
        ObjectRef foreign = ObjectRef.of(configMap(ns, "foreign", map()));
        session.apply(List.of(configMap(ns, "foreign", map())), new ApplyOptions(ApplyOptions.FIELD_MANAGER,
                Map.of("resourceset.fluxcd.controlplane.io/name", "someone-else"), OPTIONS.timeout()));
        ObjectRef gone = ObjectRef.of(configMap(ns, "never-existed", map()));
        ObjectRef kindGone = new ObjectRef(ns + ".example.com", "v1", "Widget", ns, "w");

        List<Change> changes = session.prune(List.of(gone, foreign, kindGone, keptRef, old), OWNER, TIMEOUT);

        assertEquals(List.of("ConfigMap/" + ns + "/old deleted", "ConfigMap/" + ns + "/kept skipped",
                "ConfigMap/" + ns + "/foreign skipped"), described(changes));
        assertTrue(Poll.until(TIMEOUT, () -> !exists(old)));
        assertTrue(exists(keptRef));
        assertTrue(exists(foreign));
    }

    @Test
    void deletesNamespacedObjectsBeforeTheirNamespace() {
        String ns = unique("prune");
        session.apply(List.of(namespace(ns), configMap(ns, "a", map())), OPTIONS);

        List<Change> changes = session.prune(List.of(ObjectRef.of(namespace(ns)), ObjectRef.of(configMap(ns, "a", map()))),
                OWNER, TIMEOUT);

        assertEquals(List.of("ConfigMap/" + ns + "/a deleted", "Namespace/" + ns + " deleted"), described(changes));
    }

    @Test
    void deletesFluxObjectsFirstAndWaitsUntilTheirFinalizersAreDone() throws Exception {
        String ns = unique("fluxgc");
        String group = ns + ".toolkit.fluxcd.io";
        Map<String, Object> release = custom(group, "Release", ns, "app", map());
        ((Map<String, Object>) release.get("metadata")).put("finalizers", List.of("finalizers.fluxcd.io"));
        session.apply(List.of(namespace(ns), crd(group, "Release"), release, configMap(ns, "values", map())), OPTIONS);
        ObjectRef releaseRef = ObjectRef.of(release);
        ObjectRef values = ObjectRef.of(configMap(ns, "values", map()));

        CompletableFuture<List<Change>> pruning = CompletableFuture.supplyAsync(
                () -> session.prune(List.of(values, releaseRef), OWNER, TIMEOUT));
        assertTrue(Poll.until(TIMEOUT, () -> Fields.string(session.get(releaseRef).orElseThrow(),
                "metadata", "deletionTimestamp").isPresent()));
        assertTrue(exists(values), "the rest waits while a Flux object is finalizing");
        removeFinalizers(releaseRef);

        assertEquals(List.of("Release/" + ns + "/app deleted", "ConfigMap/" + ns + "/values deleted"),
                described(pruning.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)));
        assertTrue(Poll.until(TIMEOUT, () -> !exists(values)));
    }

    @Test
    void aFluxObjectThatNeverGoesAwayStopsThePruneBeforeTheRest() {
        String ns = unique("fluxgc");
        String group = ns + ".toolkit.fluxcd.io";
        Map<String, Object> release = custom(group, "Release", ns, "stuck", map());
        ((Map<String, Object>) release.get("metadata")).put("finalizers", List.of("finalizers.fluxcd.io"));
        session.apply(List.of(namespace(ns), crd(group, "Release"), release, configMap(ns, "values", map())), OPTIONS);
        ObjectRef values = ObjectRef.of(configMap(ns, "values", map()));

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> session.prune(List.of(values, ObjectRef.of(release)), OWNER, Duration.ofSeconds(1)));

        assertEquals(Reason.TIMEOUT, e.reason());
        assertEquals(ObjectRef.of(release), e.object());
        assertTrue(exists(values));
        removeFinalizers(ObjectRef.of(release));
    }

    @Test
    void refusesToPruneWithoutOwnerLabels() {
        assertThrows(IllegalArgumentException.class, () -> session.prune(List.of(), Map.of(), TIMEOUT));
    }

    private static void removeFinalizers(ObjectRef ref) {
        var type = new Kinds("test", admin).find(ref).orElseThrow();
        admin.genericKubernetesResources(type).inNamespace(ref.namespace()).withName(ref.name()).edit(live -> {
            live.getMetadata().setFinalizers(List.of());
            return live;
        });
    }
}
