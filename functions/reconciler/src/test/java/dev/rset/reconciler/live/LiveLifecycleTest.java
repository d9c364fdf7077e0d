package dev.rset.reconciler.live;

import dev.rset.reconciler.PairReconciler.Outcome;
import dev.rset.reconciler.PairRequest;
import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;
import dev.rset.store.HistoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.OverallStatus;
import dev.rset.store.ScheduleState;
import dev.rset.testclusters.KubeCluster;
import dev.rset.testclusters.TestClusters;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pull request's life on the real clusters, placement changes, deletion and recreation. */
class LiveLifecycleTest extends LiveFixture {
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
    void bothClustersShareOneRenderAndTheOverallStatusSaysSo() {
        register("b", "prod");
        pr("42", "abc");
        assertEquals("True", run("a").status());
        assertEquals("True", run("b").status());
        assertEquals(1, renders.builds(), "one render for both clusters");
        assertEquals(status("a").lastAppliedRevision(), status("b").lastAppliedRevision());
        assertEquals("abc", configMap(adminB, "app-42").getData().get("sha"));
        Condition ready = OverallStatus.of(uid, List.of("a", "b"), stores.statuses().clusters(KEY), Instant.now())
                .condition(Condition.READY).orElseThrow();
        assertEquals("Reconciliation finished on 2 clusters", ready.message());
    }

    @Test
    void aDeletedResourceSetIsPrunedEverywhereAndForgotten() {
        register("b", "prod");
        pr("42", "abc");
        run("a");
        run("b");
        stores.schedules().put(ScheduleState.initial(KEY).withNextDue(Instant.now()));
        stores.definitions().delete(KEY, stores.definitions().get(KEY).orElseThrow().resourceVersion());
        assertEquals(List.of("a", "b"), reconciler.clustersOf("apps", "previews"));
        Outcome o = reconciler.reconcile(new PairRequest("apps", "previews", "", false, Instant.now(), "deleted"));
        assertEquals("True", o.status(), o.message());
        for (KubernetesClient c : List.of(adminA, adminB)) {
            assertNull(configMap(c, "app-42"));
            assertTrue(configMap(c, "keep-42") != null, "prune: disabled survives");
        }
        assertEquals(List.of(), stores.inventories().list(KEY));
        assertEquals(List.of(), stores.statuses().clusters(KEY));
        assertEquals(Optional.empty(), stores.schedules().get(KEY));
        assertEquals(List.of(), reconciler.clustersOf("apps", "previews"));
    }

    @Test
    void aClusterNoLongerPlacedIsCleanedUpWhileTheOtherStays() {
        register("b", "prod");
        pr("42", "abc");
        run("a");
        run("b");
        register("b", "dev");
        assertEquals("pruned 2 objects on cluster b", run("b").message());
        assertNull(configMap(adminB, "app-42"));
        assertEquals(List.of("a"), stores.statuses().clusters(KEY).stream().map(ClusterStatus::cluster).toList());
        assertEquals(List.of(ns + "_app-42__ConfigMap", ns + "_keep-42__ConfigMap"), inventory("a"));
    }

    @Test
    void aRecreatedResourceSetStartsCleanAndPrunesWhatItsPredecessorLeft() {
        pr("42", "abc");
        run("a");
        String first = uid;
        uid = UUID.randomUUID().toString();
        define(RSET.replace("keep-", "other-"), Map.of());
        assertEquals("True", run("a").status(), status("a").lastError());
        assertEquals(List.of(ns + "_app-42__ConfigMap", ns + "_other-42__ConfigMap"), inventory("a"));
        assertEquals(List.of(new InventoryKey(KEY, uid, "a")), stores.inventories().list(KEY));
        assertTrue(configMap(adminA, "keep-42") != null, "prune: disabled survives the predecessor too");
        assertEquals(List.of("ConfigMap/" + ns + "/other-42 created", "ConfigMap/" + ns + "/keep-42 skipped"),
                status("a").changes());
        assertNotEquals(first, uid);
    }
}
