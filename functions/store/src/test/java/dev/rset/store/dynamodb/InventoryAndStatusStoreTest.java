package dev.rset.store.dynamodb;

import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;
import dev.rset.store.ConflictException;
import dev.rset.store.HistoryEntry;
import dev.rset.store.Inventory;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class InventoryAndStatusStoreTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static DynamoDbClient db;
    static DynamoConfig config;
    static DynamoInventoryStore inventories;
    static DynamoStatusStore statuses;

    @BeforeAll
    static void table(MotoServer moto) {
        db = TestTables.dynamo(moto);
        config = TestTables.newTable(db, 2);
        inventories = new DynamoInventoryStore(db, config);
        statuses = new DynamoStatusStore(db, config);
    }

    static List<InventoryEntry> entries(int n, String suffix) {
        List<InventoryEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new InventoryEntry("preview-" + i + "_app-" + suffix + "-" + i + "_apps_Deployment", "v1"));
        }
        return out;
    }

    List<Map<String, AttributeValue>> chunkItems(ObjectKey k) {
        return db.query(b -> b.tableName(config.tableName()).keyConditionExpression("PK = :pk AND begins_with(SK, :c)")
                .expressionAttributeValues(Map.of(":pk", Attr.s(TableDesign.objectPk(k)),
                        ":c", Attr.s(TableDesign.SK_INVENTORY_CHUNK)))).items();
    }

    static InventoryKey inv(ObjectKey k, String cluster) {
        return new InventoryKey(k, "uid-1", cluster);
    }

    @Test
    void twentyThousandEntriesRoundTripAcrossChunksAndOldChunksGo() {
        ObjectKey o = new ObjectKey(Kind.RESOURCE_SET, "inv", "big");
        InventoryKey k = inv(o, "default");
        assertEquals(Inventory.EMPTY, inventories.get(k));
        List<InventoryEntry> big = entries(20_000, "a");
        long v1 = inventories.put(k, big, 0);
        assertEquals(1, v1);
        int chunks = chunkItems(o).size();
        assertTrue(chunks > 1, "20,000 entries need several items, got " + chunks);
        for (Map<String, AttributeValue> item : chunkItems(o)) {
            assertTrue(item.get("data").s().length() <= DynamoInventoryStore.CHUNK_BYTES);
        }
        Inventory got = inventories.get(k);
        assertEquals(big, got.entries());
        assertEquals(1, got.version());

        List<InventoryEntry> small = entries(3, "b");
        assertEquals(2, inventories.put(k, small, 1));
        assertEquals(small, inventories.get(k).entries());
        assertEquals(1, chunkItems(o).size(), "the previous revision's chunks are deleted after the flip");
        assertEquals(Inventory.EMPTY, inventories.get(inv(o, "other-cluster")));
    }

    @Test
    void aRecreatedResourceSetHasItsOwnInventoryAndListingFindsEveryUidAndCluster() {
        ObjectKey o = new ObjectKey(Kind.RESOURCE_SET, "inv", "recreated");
        InventoryKey old = new InventoryKey(o, "uid-old", "a");
        InventoryKey fresh = new InventoryKey(o, "uid-new", "a");
        InventoryKey onB = new InventoryKey(o, "uid-new", "b");
        inventories.put(old, entries(4, "old"), 0);
        assertEquals(Inventory.EMPTY, inventories.get(fresh), "a new uid starts clean");
        inventories.put(fresh, entries(2, "new"), 0);
        inventories.put(onB, entries(1, "new"), 0);
        assertEquals(entries(4, "old"), inventories.get(old).entries());
        assertEquals(java.util.Set.of(old, fresh, onB), new java.util.HashSet<>(inventories.list(o)));
        assertEquals(List.of(), inventories.list(new ObjectKey(Kind.RESOURCE_SET, "inv", "recreate")),
                "a name that is a prefix of another lists nothing of the other's");
    }

    @Test
    void deletingAnInventoryIsGuardedByItsVersionAndRemovesItsChunks() {
        ObjectKey o = new ObjectKey(Kind.RESOURCE_SET, "inv", "gone");
        InventoryKey k = inv(o, "a");
        inventories.put(k, entries(5, "a"), 0);
        inventories.put(k, entries(6, "b"), 1);
        assertThrows(ConflictException.class, () -> inventories.delete(k, 1));
        assertEquals(6, inventories.get(k).entries().size());
        inventories.delete(k, 2);
        assertEquals(Inventory.EMPTY, inventories.get(k));
        assertEquals(0, chunkItems(o).size());
        assertEquals(List.of(), inventories.list(o));
        inventories.delete(k, 0);
    }

    @Test
    void aStaleInventoryWriteConflictsAndLeavesNoChunksBehind() {
        ObjectKey o = new ObjectKey(Kind.RESOURCE_SET, "inv", "race");
        InventoryKey k = inv(o, "default");
        inventories.put(k, entries(10, "a"), 0);
        inventories.put(k, entries(5, "b"), 1);
        assertThrows(ConflictException.class, () -> inventories.put(k, entries(7, "c"), 1));
        assertThrows(ConflictException.class, () -> inventories.put(k, entries(7, "c"), 0));
        assertEquals(entries(5, "b"), inventories.get(k).entries());
        assertEquals(1, chunkItems(o).size());
    }

    @Test
    void clustersAreThoseHoldingAnInventoryOfTheObjectOnly() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "apps", "placed");
        ObjectKey other = new ObjectKey(Kind.RESOURCE_SET, "apps", "placed-too");
        assertEquals(List.of(), inventories.clusters(k));
        inventories.put(inv(k, "prod-eu"), entries(2, "a"), 0);
        inventories.put(inv(k, "dev"), List.of(), 0);
        inventories.put(new InventoryKey(k, "uid-earlier", "dev"), entries(1, "d"), 0);
        inventories.put(inv(other, "staging"), entries(1, "b"), 0);
        long v = inventories.put(inv(k, "prod-eu"), entries(3, "c"), 1);
        assertEquals(2, v);
        assertEquals(List.of("dev", "prod-eu"), inventories.clusters(k),
                "an empty inventory still counts, and a cluster with inventories of two uids once");
        assertEquals(List.of("staging"), inventories.clusters(other));
    }

    @Test
    void statusKeepsConditionsAndTheLastFiveHistoryEntries() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "st", "app");
        assertEquals(ObjectStatus.EMPTY, statuses.get(k));
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
        ObjectStatus stored = statuses.put(k, s);
        assertEquals(1, stored.version());
        ObjectStatus got = statuses.get(k);
        assertEquals(stored, got);
        assertEquals(5, got.history().size());
        assertEquals("sha256:6", got.history().get(0).digest());
        assertEquals(2, got.history().get(0).totalReconciliations());
        assertEquals(NOW.plusSeconds(6), got.history().get(0).firstReconciled());
        assertEquals("sha256:2", got.history().get(4).digest());

        ObjectStatus ready = got.withCondition(new Condition(Condition.READY, "True", Condition.REASON_SUCCEEDED,
                "Reconciliation finished", NOW.plusSeconds(10), 3));
        statuses.put(k, ready);
        assertThrows(ConflictException.class, () -> statuses.put(k, got));
        assertEquals("True", statuses.get(k).condition(Condition.READY).orElseThrow().status());
        ObjectKey none = new ObjectKey(Kind.RESOURCE_SET, "st", "none");
        Map<ObjectKey, ObjectStatus> all = statuses.getAll(List.of(k, none));
        assertEquals("True", all.get(k).condition(Condition.READY).orElseThrow().status());
        assertEquals(ObjectStatus.EMPTY, all.get(none));
        statuses.delete(k);
        assertEquals(ObjectStatus.EMPTY, statuses.get(k));
    }

    @Test
    void eachClusterHasItsOwnVersionedStatusBesideTheObjectStatus() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "st", "pairs");
        assertEquals(List.of(), statuses.clusters(k));
        ObjectStatus ready = ObjectStatus.EMPTY.withObservedGeneration(2).withCondition(new Condition(
                Condition.READY, "True", Condition.REASON_SUCCEEDED, "Reconciliation finished", NOW, 2))
                .withRun(new HistoryEntry("sha256:a", NOW, NOW, Duration.ofSeconds(1), "ReconciliationSucceeded", 1,
                        Map.of()));
        ClusterStatus a = statuses.putCluster(k, new ClusterStatus("a", "uid-1", ready, "sha256:a", 3, "",
                List.of("HelmRelease/apps/app-1 created")));
        ClusterStatus b = statuses.putCluster(k, ClusterStatus.initial("b", "uid-1").withStatus(ready));
        assertEquals(1, a.version());
        statuses.put(k, ObjectStatus.EMPTY.withObservedGeneration(7));
        assertEquals(List.of(a, b), statuses.clusters(k));
        assertEquals(7, statuses.get(k).observedGeneration(), "the object's own status is a separate item");

        ClusterStatus a2 = statuses.putCluster(k, new ClusterStatus("a", "uid-1", a.status(), "sha256:b", 4, "",
                List.of()));
        assertEquals(2, a2.version());
        assertThrows(ConflictException.class, () -> statuses.putCluster(k, a));
        assertThrows(ConflictException.class, () -> statuses.putCluster(k, ClusterStatus.initial("b", "uid-1")));
        assertEquals(Map.of(k, List.of(a2, b)), statuses.clustersOfAll(List.of(k)));

        statuses.deleteCluster(k, "a");
        statuses.deleteCluster(k, "a");
        assertEquals(List.of(b), statuses.clusters(k));
        assertEquals(7, statuses.get(k).observedGeneration());
    }

    @Test
    void theChangesOfARunAreBounded() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add("ConfigMap/apps/c-" + i + " created");
        }
        ClusterStatus s = new ClusterStatus("a", "u", ObjectStatus.EMPTY, "", 80, "", many);
        assertEquals(ClusterStatus.MAX_CHANGES, s.changes().size());
        assertEquals("... and 31 more", s.changes().get(ClusterStatus.MAX_CHANGES - 1));
    }
}
