package dev.rset.store.dynamodb;

import dev.rset.store.ConflictException;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.StoredObject;
import dev.rset.store.TooLargeException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;
import static dev.rset.store.dynamodb.TableDesign.PK;
import static dev.rset.store.dynamodb.TableDesign.SK;

/**
 * Definitions: one item per object (SK {@code DEF}) in the object's partition, listed through the
 * {@code byKind} index. The manifest is stored gzip-compressed JSON so that a manifest of up to
 * 1 MB (the API's limit) usually fits in one 400 KB item.
 */
public final class DynamoDefinitionStore implements DefinitionStore {
    private static final String KIND = "kind";
    private static final String NAMESPACE = "namespace";
    private static final String NAME = "name";
    private static final String LABELS = "labels";
    private static final String MANIFEST = "manifest";
    private static final String GENERATION = "generation";
    private static final String RESOURCE_VERSION = "rv";
    private static final String CREATED = "created";
    private static final String UPDATED = "updated";

    private final DynamoDbClient db;
    private final DynamoConfig config;
    private final Clock clock;
    private final DueWheel wheel;

    public DynamoDefinitionStore(DynamoDbClient db, DynamoConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.wheel = new DueWheel(db, config);
    }

    @Override
    public Optional<StoredObject> get(ObjectKey key) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(key), TableDesign.SK_DEFINITION)).consistentRead(true).build())
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toObject(item));
    }

    @Override
    public List<StoredObject> list(Kind kind, String namespace) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(TableDesign.kindPk(kind)));
        String condition = "GSI1PK = :pk";
        if (namespace != null && !namespace.isEmpty()) {
            condition += " AND begins_with(GSI1SK, :ns)";
            values.put(":ns", s(namespace + "#"));
        }
        List<StoredObject> out = new ArrayList<>();
        db.queryPaginator(QueryRequest.builder().tableName(config.tableName()).indexName(TableDesign.BY_KIND_INDEX)
                .keyConditionExpression(condition).expressionAttributeValues(values).build())
                .items().forEach(item -> out.add(toObject(item)));
        return out;
    }

    /**
     * A Query of the {@code byKind} index that starts after {@code after}'s index key and reads one
     * item more than the page, so {@code more} is exact.
     */
    @Override
    public Page list(Kind kind, String namespace, ObjectKey after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(TableDesign.kindPk(kind)));
        String condition = "GSI1PK = :pk";
        if (namespace != null && !namespace.isEmpty()) {
            condition += " AND begins_with(GSI1SK, :ns)";
            values.put(":ns", s(namespace + "#"));
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(config.tableName())
                .indexName(TableDesign.BY_KIND_INDEX).keyConditionExpression(condition)
                .expressionAttributeValues(values).limit(limit + 1);
        if (after != null) {
            Map<String, AttributeValue> start = new HashMap<>(Attr.key(TableDesign.objectPk(after),
                    TableDesign.SK_DEFINITION));
            start.put(TableDesign.GSI1PK, s(TableDesign.kindPk(kind)));
            start.put(TableDesign.GSI1SK, s(TableDesign.kindSk(after)));
            query.exclusiveStartKey(start);
        }
        List<StoredObject> out = new ArrayList<>();
        for (var page : db.queryPaginator(query.build())) {
            for (Map<String, AttributeValue> item : page.items()) {
                if (out.size() == limit) {
                    return new Page(out, true);
                }
                out.add(toObject(item));
            }
        }
        return new Page(out, false);
    }

    @Override
    public List<StoredObject> apply(List<Write> writes) {
        DefinitionStore.checkBatch(writes);
        Instant now = clock.instant();
        List<StoredObject> out = new ArrayList<>();
        List<TransactWriteItem> items = new ArrayList<>();
        Map<Write, String> hints = addHints(writes, now);
        for (Write w : writes) {
            StoredObject old = null;
            if (w.expectedVersion() != 0) {
                old = get(w.key()).orElseThrow(() -> new ConflictException(w.key() + " does not exist (it was deleted)"));
                if (old.resourceVersion() != w.expectedVersion()) {
                    throw conflict(w.key());
                }
            }
            boolean specChanged = old == null || !Objects.equals(Json.write(old.manifest().get("spec")),
                    Json.write(w.manifest().get("spec")));
            StoredObject next = new StoredObject(w.key(), w.manifest(), w.labels(),
                    old == null ? 1 : old.generation() + (specChanged ? 1 : 0), w.expectedVersion() + 1,
                    old == null ? now : old.createdAt(), now);
            out.add(next);
            Put.Builder put = Put.builder().tableName(config.tableName()).item(toItem(next));
            if (old == null) {
                put.conditionExpression("attribute_not_exists(PK)");
            } else {
                put.conditionExpression("rv = :rv").expressionAttributeValues(Map.of(":rv", n(w.expectedVersion())));
            }
            items.add(TransactWriteItem.builder().put(put.build()).build());
            scheduleUpdate(w, now, hints.get(w)).ifPresent(u -> items.add(TransactWriteItem.builder().update(u).build()));
        }
        try {
            db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
        } catch (TransactionCanceledException e) {
            throw new ConflictException(conflictMessage(e, items, writes));
        }
        return out;
    }

    /**
     * The due-wheel hints of the writes that make their object due now, written before the
     * transaction (one request per wheel item): if the transaction fails they are stale, and
     * the scheduler removes a stale hint when it meets one.
     */
    private Map<Write, String> addHints(List<Write> writes, Instant now) {
        Map<Write, String> hints = new HashMap<>();
        Map<Integer, java.util.Set<String>> byShard = new java.util.TreeMap<>();
        for (Write w : writes) {
            if (w.schedule() == DefinitionStore.ScheduleChange.DUE_NOW) {
                String entry = DueWheel.newEntry(now, w.key());
                hints.put(w, entry);
                byShard.computeIfAbsent(wheel.shardOf(w.key()), k -> new java.util.HashSet<>()).add(entry);
            }
        }
        byShard.forEach((shard, entries) -> wheel.add(DueWheel.minuteOf(now), shard, entries));
        return hints;
    }

    /**
     * The schedule entry change that goes with a write. Bumping {@code ver} makes a scheduler that
     * read the entry before this apply fail its conditional write and re-read, so neither side's
     * change is lost.
     */
    private Optional<Update> scheduleUpdate(Write w, Instant now, String hint) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":zero", n(0));
        values.put(":one", n(1));
        String expression;
        switch (w.schedule()) {
            case NONE -> {
                return Optional.empty();
            }
            case DUE_NOW -> {
                values.put(":now", n(now.toEpochMilli()));
                values.put(":f", Attr.bool(false));
                values.put(":wm", n(DueWheel.minuteOf(now)));
                values.put(":we", s(hint));
                expression = "SET nextDue = :now, suspended = :f, wheelMinute = :wm, wheelEntry = :we, "
                        + "ver = if_not_exists(ver, :zero) + :one";
            }
            case SUSPEND -> {
                values.put(":t", Attr.bool(true));
                expression = "SET suspended = :t, ver = if_not_exists(ver, :zero) + :one REMOVE wheelMinute, wheelEntry";
            }
            default -> throw new IllegalStateException();
        }
        return Optional.of(Update.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(w.key()), TableDesign.SK_SCHEDULE))
                .updateExpression(expression).expressionAttributeValues(values).build());
    }

    /** Names the object whose condition failed, from the cancellation reasons when DynamoDB gives them. */
    private static String conflictMessage(TransactionCanceledException e, List<TransactWriteItem> items,
            List<Write> writes) {
        if (e.hasCancellationReasons()) {
            for (int i = 0; i < e.cancellationReasons().size() && i < items.size(); i++) {
                if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(i).code())) {
                    String pk = items.get(i).put() != null ? items.get(i).put().item().get(PK).s() : "";
                    for (Write w : writes) {
                        if (TableDesign.objectPk(w.key()).equals(pk)) {
                            return w.expectedVersion() == 0 ? w.key() + " already exists" : conflict(w.key()).getMessage();
                        }
                    }
                }
            }
        }
        return "the objects were modified concurrently; nothing was applied, please try again";
    }

    @Override
    public void delete(ObjectKey key, long expectedVersion) {
        String pk = TableDesign.objectPk(key);
        TransactWriteItem def = TransactWriteItem.builder().delete(Delete.builder().tableName(config.tableName())
                .key(Attr.key(pk, TableDesign.SK_DEFINITION))
                .conditionExpression("rv = :rv").expressionAttributeValues(Map.of(":rv", n(expectedVersion)))
                .build()).build();
        TransactWriteItem schedule = TransactWriteItem.builder().delete(Delete.builder()
                .tableName(config.tableName()).key(Attr.key(pk, TableDesign.SK_SCHEDULE)).build()).build();
        try {
            db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(def, schedule).build());
        } catch (TransactionCanceledException e) {
            throw conflict(key);
        }
    }

    private static ConflictException conflict(ObjectKey key) {
        return new ConflictException("the object has been modified; please apply your changes to the latest "
                + "version and try again: " + key);
    }

    private Map<String, AttributeValue> toItem(StoredObject o) {
        byte[] manifest = Json.gzip(Json.write(o.manifest()));
        if (manifest.length > MAX_COMPRESSED_MANIFEST) {
            throw new TooLargeException(o.key() + " is too large to store: " + manifest.length
                    + " bytes compressed, the limit is " + MAX_COMPRESSED_MANIFEST);
        }
        Map<String, AttributeValue> labels = new LinkedHashMap<>();
        o.labels().forEach((k, v) -> labels.put(k, s(v)));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableDesign.objectPk(o.key())));
        item.put(SK, s(TableDesign.SK_DEFINITION));
        item.put(TableDesign.GSI1PK, s(TableDesign.kindPk(o.key().kind())));
        item.put(TableDesign.GSI1SK, s(TableDesign.kindSk(o.key())));
        item.put(KIND, s(o.key().kind().kind()));
        item.put(NAMESPACE, s(o.key().namespace()));
        item.put(NAME, s(o.key().name()));
        item.put(LABELS, AttributeValue.fromM(labels));
        item.put(MANIFEST, Attr.b(manifest));
        item.put(GENERATION, n(o.generation()));
        item.put(RESOURCE_VERSION, n(o.resourceVersion()));
        item.put(CREATED, s(o.createdAt().toString()));
        item.put(UPDATED, s(o.updatedAt().toString()));
        return item;
    }

    private static StoredObject toObject(Map<String, AttributeValue> item) {
        Kind kind = Kind.byKind(Attr.str(item, KIND))
                .orElseThrow(() -> new IllegalStateException("stored item has unknown kind " + Attr.str(item, KIND)));
        ObjectKey key = new ObjectKey(kind, Attr.str(item, NAMESPACE), Attr.str(item, NAME));
        Map<String, String> labels = new LinkedHashMap<>();
        AttributeValue l = item.get(LABELS);
        if (l != null && l.hasM()) {
            l.m().forEach((k, v) -> labels.put(k, v.s()));
        }
        return new StoredObject(key, Json.readMap(Json.gunzip(Attr.bytes(item, MANIFEST))), labels,
                Attr.num(item, GENERATION, 1), Attr.num(item, RESOURCE_VERSION, 1),
                Instant.parse(Attr.str(item, CREATED)), Instant.parse(Attr.str(item, UPDATED)));
    }
}
