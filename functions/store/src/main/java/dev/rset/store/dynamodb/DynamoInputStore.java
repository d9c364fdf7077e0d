package dev.rset.store.dynamodb;

import dev.rset.store.InputStore;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.WriteOutcome;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;
import static dev.rset.store.dynamodb.TableDesign.PK;
import static dev.rset.store.dynamodb.TableDesign.SK;
import static dev.rset.store.dynamodb.TableDesign.TTL;

/**
 * Exported inputs, one item per (provider, input id). Every write is a single conditional
 * PutItem: it succeeds only when the item is absent or its ordering is older, so two webhooks
 * racing on one pull request converge on the newer event whatever order they land in.
 */
public final class DynamoInputStore implements InputStore {
    private static final String VALUE = "value";
    private static final String DELETED = "deleted";
    private static final String ORDER_TIME = "ordT";
    private static final String ORDER_SEQ = "ordS";
    /** The stored ordering is older than the one being written (or there is no item). */
    private static final String NEWER = "attribute_not_exists(PK) OR ordT < :t OR (ordT = :t AND ordS < :s)";

    private final DynamoDbClient db;
    private final DynamoConfig config;
    private final Clock clock;

    public DynamoInputStore(DynamoDbClient db, DynamoConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<StoredInput> list(ProviderId provider) {
        List<StoredInput> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : all(provider)) {
            if (!Attr.flag(item, DELETED)) {
                out.add(toInput(provider, item));
            }
        }
        return out;
    }

    @Override
    public Optional<StoredInput> get(ProviderId provider, String inputId) {
        requireId(inputId);
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.inputsPk(provider), inputId)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty() || Attr.flag(item, DELETED)) {
            return Optional.empty();
        }
        return Optional.of(toInput(provider, item));
    }

    @Override
    public WriteOutcome put(ProviderId provider, String inputId, Map<String, Object> input, Ordering ordering) {
        requireId(inputId);
        String json = Json.write(input);
        Map<String, AttributeValue> item = base(provider, inputId, ordering);
        item.put(VALUE, s(json));
        Map<String, AttributeValue> old = write(item, ordering);
        if (old == null) {
            return WriteOutcome.STALE;
        }
        boolean sameLive = !old.isEmpty() && !Attr.flag(old, DELETED) && json.equals(Attr.str(old, VALUE));
        return sameLive ? WriteOutcome.UNCHANGED : WriteOutcome.WRITTEN;
    }

    @Override
    public WriteOutcome remove(ProviderId provider, String inputId, Ordering ordering) {
        requireId(inputId);
        Map<String, AttributeValue> item = base(provider, inputId, ordering);
        item.put(DELETED, Attr.bool(true));
        item.put(TTL, n(clock.instant().plus(config.tombstoneTtl()).getEpochSecond()));
        Map<String, AttributeValue> old = write(item, ordering);
        if (old == null) {
            return WriteOutcome.STALE;
        }
        // The tombstone is written even when nothing was live: it still guards against a late "opened".
        return old.isEmpty() || Attr.flag(old, DELETED) ? WriteOutcome.UNCHANGED : WriteOutcome.WRITTEN;
    }

    @Override
    public Map<String, WriteOutcome> replaceAll(ProviderId provider, Map<String, Map<String, Object>> inputs,
            Ordering ordering) {
        Map<String, WriteOutcome> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> e : inputs.entrySet()) {
            out.put(e.getKey(), put(provider, e.getKey(), e.getValue(), ordering));
        }
        for (Map<String, AttributeValue> item : all(provider)) {
            String id = Attr.str(item, SK);
            if (!inputs.containsKey(id) && !Attr.flag(item, DELETED)) {
                out.put(id, remove(provider, id, ordering));
            }
        }
        return out;
    }

    /** The old item (empty map when there was none) after a successful write; null when stale. */
    private Map<String, AttributeValue> write(Map<String, AttributeValue> item, Ordering ordering) {
        try {
            PutItemResponse r = db.putItem(PutItemRequest.builder().tableName(config.tableName()).item(item)
                    .conditionExpression(NEWER)
                    .expressionAttributeValues(Map.of(":t", n(epochNanos(ordering.eventTime())),
                            ":s", s(ordering.sequence())))
                    .returnValues(ReturnValue.ALL_OLD).build());
            return r.hasAttributes() ? r.attributes() : Map.of();
        } catch (ConditionalCheckFailedException e) {
            return null;
        }
    }

    private Map<String, AttributeValue> base(ProviderId provider, String inputId, Ordering ordering) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableDesign.inputsPk(provider)));
        item.put(SK, s(inputId));
        item.put(ORDER_TIME, n(epochNanos(ordering.eventTime())));
        item.put(ORDER_SEQ, s(ordering.sequence()));
        return item;
    }

    private List<Map<String, AttributeValue>> all(ProviderId provider) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueryRequest q = QueryRequest.builder().tableName(config.tableName())
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(TableDesign.inputsPk(provider))))
                .consistentRead(true).build();
        db.queryPaginator(q).items().forEach(items::add);
        return items;
    }

    private static StoredInput toInput(ProviderId provider, Map<String, AttributeValue> item) {
        long nanos = Attr.num(item, ORDER_TIME, 0);
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        Map<String, Object> values = new LinkedHashMap<>(Json.readMap(Attr.str(item, VALUE)));
        return new StoredInput(provider, Attr.str(item, SK), values, new Ordering(t, Attr.str(item, ORDER_SEQ)));
    }

    static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static void requireId(String inputId) {
        if (inputId == null || inputId.isEmpty()) {
            throw new IllegalArgumentException("input id must not be empty");
        }
    }
}
