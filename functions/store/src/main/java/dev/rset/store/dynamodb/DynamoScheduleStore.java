package dev.rset.store.dynamodb;

import dev.rset.store.ConflictException;
import dev.rset.store.DueItem;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.ScheduleStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;

/**
 * Schedule state (SK {@code SCHED}). An item carries the due index keys only while it is due at
 * some time and not suspended, so the index holds just the schedulable objects (sparse), spread
 * over {@link DynamoConfig#dueShards()} partitions keyed {@code DUE#<shard>} and sorted by due time.
 */
public final class DynamoScheduleStore implements ScheduleStore {
    private static final String NEXT_DUE = "nextDue";
    private static final String WINDOW_END = "windowEnd";
    private static final String LAST_RECONCILE = "lastReconcile";
    private static final String SUSPENDED = "suspended";
    private static final String VERSION = "ver";

    private final DynamoDbClient db;
    private final DynamoConfig config;

    public DynamoScheduleStore(DynamoDbClient db, DynamoConfig config) {
        this.db = db;
        this.config = config;
    }

    /**
     * The due query's answer with what it cost: items read from the index (ScannedCount), the
     * capacity the endpoint reported, the read units DynamoDB's rule gives for the entries read
     * (per request: sizes summed, rounded up to 4 KB, halved for an eventually consistent read),
     * and the number of requests.
     */
    public record DueQueryResult(List<DueItem> items, int itemsRead, double capacityUnits, double ruleReadUnits,
            int requests) {
    }

    @Override
    public Optional<ScheduleState> get(ObjectKey key) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(key), TableDesign.SK_SCHEDULE)).consistentRead(true).build())
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScheduleState(key, instant(item, NEXT_DUE), instant(item, WINDOW_END),
                instant(item, LAST_RECONCILE), Attr.flag(item, SUSPENDED), Attr.num(item, VERSION, 1)));
    }

    @Override
    public ScheduleState put(ScheduleState state) {
        ObjectKey key = state.key();
        ScheduleState next = new ScheduleState(key, state.nextDue(), state.windowEnd(), state.lastReconcile(),
                state.suspended(), state.version() + 1);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableDesign.PK, s(TableDesign.objectPk(key)));
        item.put(TableDesign.SK, s(TableDesign.SK_SCHEDULE));
        state.nextDue().ifPresent(t -> item.put(NEXT_DUE, n(t.toEpochMilli())));
        state.windowEnd().ifPresent(t -> item.put(WINDOW_END, n(t.toEpochMilli())));
        state.lastReconcile().ifPresent(t -> item.put(LAST_RECONCILE, n(t.toEpochMilli())));
        item.put(SUSPENDED, Attr.bool(state.suspended()));
        item.put(VERSION, n(next.version()));
        if (!state.suspended() && state.nextDue().isPresent()) {
            item.put(TableDesign.DUEPK, s(TableDesign.duePk(TableDesign.shardOf(key, config.dueShards()))));
            item.put(TableDesign.DUESK, s(TableDesign.dueSk(state.nextDue().get().toEpochMilli(), key)));
        }
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(config.tableName()).item(item);
        if (state.version() == 0) {
            put.conditionExpression("attribute_not_exists(PK)");
        } else {
            put.conditionExpression("ver = :v").expressionAttributeValues(Map.of(":v", n(state.version())));
        }
        try {
            db.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("schedule of " + key + " was changed concurrently (expected version "
                    + state.version() + ")");
        }
        return next;
    }

    @Override
    public void delete(ObjectKey key) {
        db.deleteItem(DeleteItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(key), TableDesign.SK_SCHEDULE)).build());
    }

    @Override
    public List<DueItem> due(Instant now, int limit) {
        return dueWithCost(now, limit).items();
    }

    /** One query per shard, each reading only the entries due at or before {@code now}. */
    public DueQueryResult dueWithCost(Instant now, int limit) {
        List<DueItem> out = new ArrayList<>();
        int read = 0;
        int requests = 0;
        double units = 0;
        double ruleUnits = 0;
        String upper = TableDesign.dueUpperBound(now.toEpochMilli());
        for (int shard = 0; shard < config.dueShards(); shard++) {
            Map<String, AttributeValue> start = null;
            int fromShard = 0;
            do {
                QueryResponse r = db.query(QueryRequest.builder().tableName(config.tableName())
                        .indexName(TableDesign.DUE_INDEX)
                        .keyConditionExpression("DUEPK = :p AND DUESK <= :upper")
                        .expressionAttributeValues(Map.of(":p", s(TableDesign.duePk(shard)), ":upper", s(upper)))
                        .limit(limit - fromShard).exclusiveStartKey(start)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
                requests++;
                read += r.scannedCount();
                if (r.consumedCapacity() != null && r.consumedCapacity().capacityUnits() != null) {
                    units += r.consumedCapacity().capacityUnits();
                }
                long bytes = 0;
                for (Map<String, AttributeValue> item : r.items()) {
                    out.add(toDue(item));
                    bytes += itemSize(item);
                    fromShard++;
                }
                ruleUnits += Math.max(1, Math.ceil(bytes / 4096.0)) * 0.5;
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null && fromShard < limit);
        }
        out.sort(Comparator.comparing(DueItem::dueAt).thenComparing(d -> TableDesign.objectPk(d.key())));
        List<DueItem> items = out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
        return new DueQueryResult(items, read, units, ruleUnits, requests);
    }

    /** DynamoDB's item size: attribute names plus values (strings as UTF-8, numbers about 1 byte per 2 digits). */
    static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            AttributeValue v = e.getValue();
            if (v.s() != null) {
                size += v.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            } else if (v.n() != null) {
                size += (v.n().length() + 1) / 2 + 1;
            } else if (v.b() != null) {
                size += v.b().asByteArray().length;
            } else {
                size += 1;
            }
        }
        return size;
    }

    private static DueItem toDue(Map<String, AttributeValue> item) {
        String dueSk = Attr.str(item, TableDesign.DUESK);
        long millis = Long.parseLong(dueSk.substring(0, dueSk.indexOf('#')));
        return new DueItem(parseObjectPk(Attr.str(item, TableDesign.PK)), Instant.ofEpochMilli(millis));
    }

    /** Reverses {@link TableDesign#objectPk}: {@code OBJ#<kind>#<namespace>#<name>}. */
    static ObjectKey parseObjectPk(String pk) {
        String[] parts = pk.split("#", -1);
        if (parts.length != 4 || !parts[0].equals("OBJ")) {
            throw new IllegalStateException("not an object key: " + pk);
        }
        Kind kind = Kind.byKind(parts[1]).orElseThrow(() -> new IllegalStateException("unknown kind in " + pk));
        return new ObjectKey(kind, parts[2], parts[3]);
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        long v = Attr.num(item, name, Long.MIN_VALUE);
        return v == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
