package dev.rset.store.dynamodb;

import dev.rset.store.ClusterStatus;
import dev.rset.store.ConflictException;
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
