package dev.rset.store.contract;

import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;
import dev.rset.store.ConflictException;
import dev.rset.store.HistoryEntry;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.StatusStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What every {@link StatusStore} does: conditions and history round-trip, versions, batch reads. */
public abstract class StatusStoreContract extends StoreContract {
    protected StatusStore store;

    @BeforeEach
    void port() {
        store = fixture.statuses();
    }

    @Test
    void statusKeepsConditionsAndTheLastFiveHistoryEntries() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "st", "app");
        assertEquals(ObjectStatus.EMPTY, store.get(k));
        ObjectStatus s = ObjectStatus.EMPTY.withObservedGeneration(3)
                .withCondition(new Condition(Condition.READY, "False", Condition.REASON_PROGRESSING, "working",
                        NOW, 3))
                .withCondition(new Condition(Condition.RECONCILING, "True", Condition.REASON_PROGRESSING, "working",
                        NOW, 3));
        for (int i = 0; i < 7; i++) {
            s = s.withRun(new HistoryEntry("sha256:" + i, NOW.plusSeconds(i), NOW.plusSeconds(i),
                    Duration.ofMillis(1500), "ReconciliationSucceeded", 1, Map.of("inputs", "2")));
        }
        s = s.withRun(new HistoryEntry("sha256:6", NOW.plusSeconds(9), NOW.plusSeconds(9), Duration.ofSeconds(2),
                "ReconciliationSucceeded", 1, Map.of()));
        ObjectStatus stored = store.put(k, s);
        assertEquals(1, stored.version());
        ObjectStatus got = store.get(k);
        assertEquals(stored, got);
        assertEquals(5, got.history().size());
        assertEquals("sha256:6", got.history().get(0).digest());
        assertEquals(2, got.history().get(0).totalReconciliations());
        assertEquals(NOW.plusSeconds(6), got.history().get(0).firstReconciled());
        assertEquals("sha256:2", got.history().get(4).digest());

        ObjectStatus ready = got.withCondition(new Condition(Condition.READY, "True", Condition.REASON_SUCCEEDED,
                "Reconciliation finished", NOW.plusSeconds(10), 3));
        assertEquals(2, store.put(k, ready).version());
        assertThrows(ConflictException.class, () -> store.put(k, got));
        assertEquals("True", store.get(k).condition(Condition.READY).orElseThrow().status());
    }

    @Test
    void getAllMapsEveryKeyAndAbsentOnesToEmpty() {
        ObjectKey a = new ObjectKey(Kind.RESOURCE_SET, "st", "a");
        ObjectKey none = new ObjectKey(Kind.RESOURCE_SET, "st", "none");
        ObjectKey cluster = new ObjectKey(Kind.CLUSTER, "", "prod");
        store.put(a, ObjectStatus.EMPTY.withObservedGeneration(2));
        store.put(cluster, ObjectStatus.EMPTY.withObservedGeneration(7));
        Map<ObjectKey, ObjectStatus> all = store.getAll(List.of(a, none, cluster));
        assertEquals(3, all.size());
        assertEquals(2, all.get(a).observedGeneration());
        assertEquals(1, all.get(a).version());
        assertEquals(ObjectStatus.EMPTY, all.get(none));
        assertEquals(7, all.get(cluster).observedGeneration());
        assertEquals(Map.of(), store.getAll(List.of()));
    }

    @Test
    void eachClusterHasItsOwnVersionedStatusBesideTheObjectStatus() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "st", "pairs");
        assertEquals(List.of(), store.clusters(k));
        ObjectStatus ready = ObjectStatus.EMPTY.withObservedGeneration(2).withCondition(new Condition(
                Condition.READY, "True", Condition.REASON_SUCCEEDED, "Reconciliation finished", NOW, 2))
                .withRun(new HistoryEntry("sha256:a", NOW, NOW, Duration.ofSeconds(1), "ReconciliationSucceeded", 1,
                        Map.of()));
        ClusterStatus b = store.putCluster(k, ClusterStatus.initial("b", "uid-1").withStatus(ready));
        ClusterStatus a = store.putCluster(k, new ClusterStatus("a", "uid-1", ready, "sha256:a", 3, "",
                List.of("HelmRelease/apps/app-1 created")));
        assertEquals(1, a.version());
        store.put(k, ObjectStatus.EMPTY.withObservedGeneration(7));
        assertEquals(List.of(a, b), store.clusters(k), "by cluster name");
        assertEquals(7, store.get(k).observedGeneration(), "the object's own status is kept apart");

        ClusterStatus a2 = store.putCluster(k, new ClusterStatus("a", "uid-1", a.status(), "sha256:b", 4, "",
                List.of()));
        assertEquals(2, a2.version());
        assertThrows(ConflictException.class, () -> store.putCluster(k, a));
        assertThrows(ConflictException.class, () -> store.putCluster(k, ClusterStatus.initial("b", "uid-1")));
        ObjectKey none = new ObjectKey(Kind.RESOURCE_SET, "st", "none");
        assertEquals(Map.of(k, List.of(a2, b), none, List.of()), store.clustersOfAll(List.of(k, none)));

        store.deleteCluster(k, "a");
        store.deleteCluster(k, "a");
        assertEquals(List.of(b), store.clusters(k));
        assertEquals(7, store.get(k).observedGeneration());
        store.delete(k);
        assertEquals(List.of(b), store.clusters(k), "deleting the object's status leaves the clusters'");
    }

    @Test
    void deleteRemovesTheStatusAndAMissingOneIsNoError() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "st", "gone");
        ObjectStatus first = store.put(k, ObjectStatus.EMPTY.withObservedGeneration(1));
        assertThrows(ConflictException.class, () -> store.put(k, ObjectStatus.EMPTY), "version 0 while one is stored");
        store.delete(k);
        assertEquals(ObjectStatus.EMPTY, store.get(k));
        store.delete(k);
        assertThrows(ConflictException.class, () -> store.put(k, first), "its version is gone with it");
        assertEquals(1, store.put(k, ObjectStatus.EMPTY).version());
    }
}
