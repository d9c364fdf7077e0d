package dev.rset.store.dynamodb;

import dev.rset.store.ConflictException;
import dev.rset.store.Inventory;
import dev.rset.store.InventoryEntry;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
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
}
