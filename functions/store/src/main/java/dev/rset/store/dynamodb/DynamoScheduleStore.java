package dev.rset.store.dynamodb;

import dev.rset.store.ConflictException;
import dev.rset.store.DueItem;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.ScheduleStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;

/**
 * Schedule state (SK {@code SCHED}). While an object is due at some time and not suspended, its
 * item names its hint in the {@link DueWheel} ({@code wheelMinute}, {@code wheelEntry}); the due
 * query reads the wheel, never the schedule items, and a claim is one conditional write on the
 * item that holds only while the item still names the hint the query returned.
 */
public final class DynamoScheduleStore implements ScheduleStore {
    private static final String NEXT_DUE = "nextDue";
    private static final String WINDOW_END = "windowEnd";
    private static final String LAST_RECONCILE = "lastReconcile";
    private static final String SUSPENDED = "suspended";
    private static final String VERSION = "ver";
    static final String WHEEL_MINUTE = "wheelMinute";
    static final String WHEEL_ENTRY = "wheelEntry";

    private final DynamoDbClient db;
    private final DynamoConfig config;
    private final DueWheel wheel;

    public DynamoScheduleStore(DynamoDbClient db, DynamoConfig config) {
        this.db = db;
        this.config = config;
        this.wheel = new DueWheel(db, config);
    }

    /**
     * The due query's answer with what it cost: hints read from the wheel, wheel items (minute and
     * shard) asked for, and the number of requests (index read, batch reads, index trim, item checks).
     */
    public record DueQueryResult(List<DueItem> items, int hintsRead, int wheelItemsRead, int requests) {
    }

    @Override
    public Optional<ScheduleState> get(ObjectKey key) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(key), TableDesign.SK_SCHEDULE)).consistentRead(true).build())
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(state(key, item));
    }

    /**
     * Writes the hint first, then the item conditionally, then removes the item's previous hint:
     * at every moment a due object has a hint, and a hint left behind by a refused write is stale.
     */
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
        int shard = wheel.shardOf(key);
        long minute = 0;
        String entry = null;
        if (!state.suspended() && state.nextDue().isPresent()) {
            minute = DueWheel.minuteOf(state.nextDue().get());
            entry = DueWheel.newEntry(state.nextDue().get(), key);
            wheel.add(minute, shard, Set.of(entry));
            item.put(WHEEL_MINUTE, n(minute));
            item.put(WHEEL_ENTRY, s(entry));
        }
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(config.tableName()).item(item)
                .returnValues(ReturnValue.ALL_OLD);
        if (state.version() == 0) {
            put.conditionExpression("attribute_not_exists(PK)");
        } else {
            put.conditionExpression("ver = :v").expressionAttributeValues(Map.of(":v", n(state.version())));
        }
        Map<String, AttributeValue> old;
        try {
            old = db.putItem(put.build()).attributes();
        } catch (ConditionalCheckFailedException e) {
            if (entry != null) {
                wheel.remove(minute, shard, entry);
            }
            throw new ConflictException("schedule of " + key + " was changed concurrently (expected version "
                    + state.version() + ")");
        }
        removeHintOf(old, shard);
        return next;
    }

    /**
     * Loads the schedule state of objects that have none yet, in bulk and without version checks:
     * for filling a new table (benchmarks, a migration), never for objects that may be written
     * concurrently. The hours, then the hints (one request per wheel item), then the items 25 to a
     * request; {@code threads} at once, each wheel item written by one thread only.
     */
    public void seed(List<ScheduleState> states, int threads) {
        Map<Long, Map<Integer, Set<String>>> hints = new HashMap<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (ScheduleState st : states) {
            if (st.version() != 0) {
                throw new IllegalArgumentException("seed takes new objects only, got version " + st.version()
                        + " of " + st.key());
            }
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(TableDesign.PK, s(TableDesign.objectPk(st.key())));
            item.put(TableDesign.SK, s(TableDesign.SK_SCHEDULE));
            st.nextDue().ifPresent(t -> item.put(NEXT_DUE, n(t.toEpochMilli())));
            item.put(SUSPENDED, Attr.bool(st.suspended()));
            item.put(VERSION, n(1));
            if (!st.suspended() && st.nextDue().isPresent()) {
                long minute = DueWheel.minuteOf(st.nextDue().get());
                String entry = DueWheel.newEntry(st.nextDue().get(), st.key());
                hints.computeIfAbsent(minute, m -> new HashMap<>())
                        .computeIfAbsent(wheel.shardOf(st.key()), x -> new java.util.HashSet<>()).add(entry);
                item.put(WHEEL_MINUTE, n(minute));
                item.put(WHEEL_ENTRY, s(entry));
            }
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        if (!hints.isEmpty()) {
            wheel.addHours(hints.keySet().stream().map(m -> Math.floorDiv(m, 60L)).distinct().toList());
        }
        List<Runnable> tasks = new ArrayList<>();
        hints.forEach((minute, byShard) -> byShard.forEach((shard, entries) ->
                tasks.add(() -> wheel.addEntries(minute, shard, entries))));
        for (int i = 0; i < writes.size(); i += 25) {
            List<WriteRequest> batch = writes.subList(i, Math.min(writes.size(), i + 25));
            tasks.add(() -> {
                Map<String, List<WriteRequest>> pending = Map.of(config.tableName(), batch);
                while (!pending.isEmpty()) {
                    var r = db.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                    pending = r.hasUnprocessedItems() && !r.unprocessedItems().isEmpty() ? r.unprocessedItems()
                            : Map.of();
                }
            });
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (var f : pool.invokeAll(tasks.stream().map(java.util.concurrent.Executors::callable).toList())) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("seeding was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("seeding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void delete(ObjectKey key) {
        Map<String, AttributeValue> old = db.deleteItem(DeleteItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(key), TableDesign.SK_SCHEDULE)).returnValues(ReturnValue.ALL_OLD)
                .build()).attributes();
        removeHintOf(old, wheel.shardOf(key));
    }

    @Override
    public List<DueItem> due(Instant now, int limit) {
        return dueWithCost(now, limit).items();
    }

    /**
     * Reads the wheel up to {@code now}, then checks the earliest hints against their
     * schedule items (BatchGetItem, projected): a hint counts only while its item names it and is
     * due, so an apply that replaced a hint or a suspend that dropped it never shows; stale hints met
     * on the way are removed.
     */
    public DueQueryResult dueWithCost(Instant now, int limit) {
        DueWheel.Read read = wheel.read(now);
        List<DueWheel.Hint> candidates = new ArrayList<>();
        for (DueWheel.Hint h : read.hints()) {
            if (!h.dueAt().isAfter(now)) {
                candidates.add(h);
            }
        }
        candidates.sort(Comparator.comparing(DueWheel.Hint::dueAt).thenComparing(DueWheel.Hint::objectPk));
        List<DueItem> out = new ArrayList<>();
        int requests = read.requests();
        int next = 0;
        while (out.size() < limit && next < candidates.size()) {
            List<DueWheel.Hint> chunk = candidates.subList(next,
                    Math.min(candidates.size(), next + Math.min(100, limit - out.size())));
            next += chunk.size();
            Map<String, Map<String, AttributeValue>> items = new HashMap<>();
            requests += readSchedules(chunk, items);
            for (DueWheel.Hint h : chunk) {
                Map<String, AttributeValue> item = items.getOrDefault(h.objectPk(), Map.of());
                ObjectKey key = parseObjectPk(h.objectPk());
                if (!h.entry().equals(Attr.str(item, WHEEL_ENTRY))) {
                    wheel.remove(h.minute(), h.shard(), h.entry());
                } else if (state(key, item).isDue(now) && out.size() < limit) {
                    out.add(new DueItem(key, h.dueAt(), h.token()));
                }
            }
        }
        return new DueQueryResult(List.copyOf(out), read.hints().size(), read.itemsRead(), requests);
    }

    /** The schedule items of {@code hints} by object PK; returns the number of requests. */
    private int readSchedules(List<DueWheel.Hint> hints, Map<String, Map<String, AttributeValue>> into) {
        List<Map<String, AttributeValue>> keys = hints.stream().map(DueWheel.Hint::objectPk).distinct()
                .map(pk -> Attr.key(pk, TableDesign.SK_SCHEDULE)).toList();
        Map<String, KeysAndAttributes> pending = Map.of(config.tableName(), KeysAndAttributes.builder().keys(keys)
                .projectionExpression("PK, nextDue, suspended, wheelEntry").consistentRead(true).build());
        int requests = 0;
        while (!pending.isEmpty()) {
            BatchGetItemResponse r = db.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
            requests++;
            for (Map<String, AttributeValue> item : r.responses().getOrDefault(config.tableName(), List.of())) {
                into.put(Attr.str(item, TableDesign.PK), item);
            }
            pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
        }
        return requests;
    }

    /**
     * One conditional write: the item must still name this hint and be due. A refusal that shows the
     * item names another hint (or is gone) removes this stale one; a refusal because another tick
     * holds the claim keeps it, so the object is found again when that claim lapses.
     */
    @Override
    public Optional<ScheduleState> claim(DueItem item, Instant now, Instant until) {
        DueWheel.Hint hint = DueWheel.Hint.ofToken(item.hint());
        try {
            Map<String, AttributeValue> claimed = db.updateItem(UpdateItemRequest.builder()
                    .tableName(config.tableName())
                    .key(Attr.key(TableDesign.objectPk(item.key()), TableDesign.SK_SCHEDULE))
                    .conditionExpression("wheelEntry = :h AND nextDue <= :now AND suspended = :f")
                    .updateExpression("SET nextDue = :until, ver = ver + :one")
                    .expressionAttributeValues(Map.of(":h", s(hint.entry()), ":now", n(now.toEpochMilli()),
                            ":f", Attr.bool(false), ":until", n(until.toEpochMilli()), ":one", n(1)))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build())
                    .attributes();
            return Optional.of(state(item.key(), claimed));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> current = e.hasItem() ? e.item() : Map.of();
            if (!hint.entry().equals(Attr.str(current, WHEEL_ENTRY))) {
                wheel.remove(hint.minute(), wheel.shardOf(item.key()), hint.entry());
            }
            return Optional.empty();
        }
    }

    private void removeHintOf(Map<String, AttributeValue> old, int shard) {
        if (old != null && Attr.str(old, WHEEL_ENTRY) != null) {
            wheel.remove(Attr.num(old, WHEEL_MINUTE, 0), shard, Attr.str(old, WHEEL_ENTRY));
        }
    }

    private static ScheduleState state(ObjectKey key, Map<String, AttributeValue> item) {
        return new ScheduleState(key, instant(item, NEXT_DUE), instant(item, WINDOW_END),
                instant(item, LAST_RECONCILE), Attr.flag(item, SUSPENDED), Attr.num(item, VERSION, 1));
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
