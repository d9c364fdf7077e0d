package dev.rset.store.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rset.store.ConflictException;
import dev.rset.store.Inventory;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.InventoryStore;
import dev.rset.store.ObjectKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;
import static dev.rset.store.dynamodb.TableDesign.PK;
import static dev.rset.store.dynamodb.TableDesign.SK;

/**
 * Inventories in chunks. A write stores the chunks of a new revision first, then flips the
 * pointer item with a conditional write, then deletes the old revision's chunks. A reader reads
 * the pointer, then that revision's chunks; if they are incomplete (the revision was replaced and
 * deleted meanwhile) it starts over, so it never returns half an inventory.
 */
public final class DynamoInventoryStore implements InventoryStore {
    /** Bytes of JSON per chunk item, well under DynamoDB's 400 KB item limit. */
    static final int CHUNK_BYTES = 300 * 1024;
    private static final int BATCH = 25;
    private static final int READ_ATTEMPTS = 5;
    private static final String REVISION = "rev";
    private static final String CHUNKS = "chunks";
    private static final String COUNT = "count";
    private static final String VERSION = "ver";
    private static final String DATA = "data";
    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() { };

    private final DynamoDbClient db;
    private final DynamoConfig config;

    public DynamoInventoryStore(DynamoDbClient db, DynamoConfig config) {
        this.db = db;
        this.config = config;
    }

    @Override
    public Inventory get(InventoryKey key) {
        String pk = TableDesign.objectPk(key.owner());
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> pointer = pointer(key);
            if (pointer.isEmpty()) {
                return Inventory.EMPTY;
            }
            String rev = Attr.str(pointer, REVISION);
            List<Map<String, AttributeValue>> chunks = new ArrayList<>();
            db.queryPaginator(QueryRequest.builder().tableName(config.tableName())
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(pk),
                            ":prefix", s(TableDesign.inventoryChunkPrefix(key, rev))))
                    .consistentRead(true).build()).items().forEach(chunks::add);
            if (chunks.size() != Attr.num(pointer, CHUNKS, -1)) {
                continue;
            }
            List<InventoryEntry> entries = new ArrayList<>((int) Attr.num(pointer, COUNT, 0));
            for (Map<String, AttributeValue> chunk : chunks) {
                for (List<String> pair : Json.read(Attr.str(chunk, DATA), PAIRS)) {
                    entries.add(new InventoryEntry(pair.get(0), pair.get(1)));
                }
            }
            return new Inventory(entries, Attr.num(pointer, VERSION, 0));
        }
        throw new ConflictException("inventory of " + key + " kept changing while being read");
    }

    @Override
    public long put(InventoryKey key, List<InventoryEntry> entries, long expectedVersion) {
        String pk = TableDesign.objectPk(key.owner());
        String rev = UUID.randomUUID().toString();
        List<String> chunks = chunk(entries);
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    PK, s(pk), SK, s(TableDesign.inventoryChunkSk(key, rev, i)), DATA, s(chunks.get(i))))
                    .build()).build());
        }
        batchWrite(puts);

        Map<String, AttributeValue> pointer = new HashMap<>();
        pointer.put(PK, s(pk));
        pointer.put(SK, s(TableDesign.inventoryPointerSk(key)));
        pointer.put(REVISION, s(rev));
        pointer.put(CHUNKS, n(chunks.size()));
        pointer.put(COUNT, n(entries.size()));
        pointer.put(VERSION, n(expectedVersion + 1));
        PutItemRequest.Builder flip = PutItemRequest.builder().tableName(config.tableName()).item(pointer)
                .returnValues(ReturnValue.ALL_OLD);
        if (expectedVersion == 0) {
            flip.conditionExpression("attribute_not_exists(PK)");
        } else {
            flip.conditionExpression("ver = :v").expressionAttributeValues(Map.of(":v", n(expectedVersion)));
        }
        PutItemResponse r;
        try {
            r = db.putItem(flip.build());
        } catch (ConditionalCheckFailedException e) {
            deleteChunks(key, rev, chunks.size());
            throw new ConflictException("inventory of " + key + " was changed concurrently (expected version "
                    + expectedVersion + ")");
        }
        if (r.hasAttributes() && !r.attributes().isEmpty()) {
            deleteChunks(key, Attr.str(r.attributes(), REVISION), (int) Attr.num(r.attributes(), CHUNKS, 0));
        }
        return expectedVersion + 1;
    }

    @Override
    public void delete(InventoryKey key, long expectedVersion) {
        DeleteItemRequest.Builder delete = DeleteItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(key.owner()), TableDesign.inventoryPointerSk(key)))
                .returnValues(ReturnValue.ALL_OLD);
        if (expectedVersion != 0) {
            delete.conditionExpression("ver = :v").expressionAttributeValues(Map.of(":v", n(expectedVersion)));
        }
        DeleteItemResponse r;
        try {
            r = db.deleteItem(delete.build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("inventory of " + key + " was changed concurrently (expected version "
                    + expectedVersion + ")");
        }
        if (r.hasAttributes() && !r.attributes().isEmpty()) {
            deleteChunks(key, Attr.str(r.attributes(), REVISION), (int) Attr.num(r.attributes(), CHUNKS, 0));
        }
    }

    @Override
    public List<InventoryKey> list(ObjectKey owner) {
        List<InventoryKey> out = new ArrayList<>();
        db.queryPaginator(QueryRequest.builder().tableName(config.tableName())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(TableDesign.objectPk(owner)),
                        ":prefix", s(TableDesign.SK_INVENTORY_POINTER)))
                .projectionExpression("SK").consistentRead(true).build()).items()
                .forEach(item -> out.add(TableDesign.inventoryKeyOf(owner, Attr.str(item, SK))));
        return out;
    }

    /** Splits entries into JSON arrays of {@code [id, version]} pairs of at most {@link #CHUNK_BYTES}. */
    static List<String> chunk(List<InventoryEntry> entries) {
        List<String> out = new ArrayList<>();
        List<List<String>> current = new ArrayList<>();
        int bytes = 2;
        for (InventoryEntry e : entries) {
            List<String> pair = List.of(e.id(), e.version());
            int size = Json.write(pair).getBytes(StandardCharsets.UTF_8).length + 1;
            if (!current.isEmpty() && bytes + size > CHUNK_BYTES) {
                out.add(Json.write(current));
                current = new ArrayList<>();
                bytes = 2;
            }
            current.add(pair);
            bytes += size;
        }
        if (!current.isEmpty() || out.isEmpty()) {
            out.add(Json.write(current));
        }
        return out;
    }

    private Map<String, AttributeValue> pointer(InventoryKey key) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(key.owner()), TableDesign.inventoryPointerSk(key)))
                .consistentRead(true).build()).item();
        return item == null ? Map.of() : item;
    }

    private void deleteChunks(InventoryKey key, String rev, int count) {
        String pk = TableDesign.objectPk(key.owner());
        List<WriteRequest> deletes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                    .key(Attr.key(pk, TableDesign.inventoryChunkSk(key, rev, i))).build()).build());
        }
        batchWrite(deletes);
    }

    /** BatchWriteItem in groups of 25, resubmitting unprocessed items with a growing pause. */
    private void batchWrite(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<WriteRequest> pending = requests.subList(from, Math.min(requests.size(), from + BATCH));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 8) {
                    throw new IllegalStateException("DynamoDB kept throttling the inventory write");
                }
                if (attempt > 0) {
                    sleep(50L << attempt);
                }
                BatchWriteItemResponse r = db.batchWriteItem(BatchWriteItemRequest.builder()
                        .requestItems(Map.of(config.tableName(), pending)).build());
                pending = r.hasUnprocessedItems()
                        ? r.unprocessedItems().getOrDefault(config.tableName(), List.of()) : List.of();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing an inventory", e);
        }
    }
}
