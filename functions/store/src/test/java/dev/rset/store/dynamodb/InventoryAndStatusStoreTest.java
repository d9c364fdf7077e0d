package dev.rset.store.dynamodb;

import dev.rset.store.Condition;
import dev.rset.store.ConflictException;
import dev.rset.store.HistoryEntry;
import dev.rset.store.Inventory;
import dev.rset.store.InventoryEntry;
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

    @Test
    void twentyThousandEntriesRoundTripAcrossChunksAndOldChunksGo() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "inv", "big");
        assertEquals(Inventory.EMPTY, inventories.get(k, "default"));
        List<InventoryEntry> big = entries(20_000, "a");
        long v1 = inventories.put(k, "default", big, 0);
        assertEquals(1, v1);
        int chunks = chunkItems(k).size();
        assertTrue(chunks > 1, "20,000 entries need several items, got " + chunks);
        for (Map<String, AttributeValue> item : chunkItems(k)) {
            assertTrue(item.get("data").s().length() <= DynamoInventoryStore.CHUNK_BYTES);
        }
        Inventory got = inventories.get(k, "default");
        assertEquals(big, got.entries());
        assertEquals(1, got.version());

        List<InventoryEntry> small = entries(3, "b");
        assertEquals(2, inventories.put(k, "default", small, 1));
        assertEquals(small, inventories.get(k, "default").entries());
        assertEquals(1, chunkItems(k).size(), "the previous revision's chunks are deleted after the flip");
        assertEquals(Inventory.EMPTY, inventories.get(k, "other-cluster"));
    }

    @Test
    void aStaleInventoryWriteConflictsAndLeavesNoChunksBehind() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "inv", "race");
        inventories.put(k, "default", entries(10, "a"), 0);
        inventories.put(k, "default", entries(5, "b"), 1);
        assertThrows(ConflictException.class, () -> inventories.put(k, "default", entries(7, "c"), 1));
        assertThrows(ConflictException.class, () -> inventories.put(k, "default", entries(7, "c"), 0));
        assertEquals(entries(5, "b"), inventories.get(k, "default").entries());
        assertEquals(1, chunkItems(k).size());
    }

    @Test
    void clustersAreThoseHoldingAnInventoryOfTheObjectOnly() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "apps", "placed");
        ObjectKey other = new ObjectKey(Kind.RESOURCE_SET, "apps", "placed-too");
        assertEquals(List.of(), inventories.clusters(k));
        inventories.put(k, "prod-eu", entries(2, "a"), 0);
        inventories.put(k, "dev", List.of(), 0);
        inventories.put(other, "staging", entries(1, "b"), 0);
        long v = inventories.put(k, "prod-eu", entries(3, "c"), 1);
        assertEquals(2, v);
        assertEquals(List.of("dev", "prod-eu"), inventories.clusters(k), "an empty inventory still counts; no chunks");
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
}
