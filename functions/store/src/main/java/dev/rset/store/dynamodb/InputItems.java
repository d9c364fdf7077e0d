package dev.rset.store.dynamodb;

import dev.rset.store.ConflictException;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.WriteOutcome;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;
import static dev.rset.store.dynamodb.TableDesign.PK;
import static dev.rset.store.dynamodb.TableDesign.SK;
import static dev.rset.store.dynamodb.TableDesign.TTL;

/**
 * The input items themselves: one per (provider, input id), live or tombstone, at a key that
 * never changes, so that each write below is one conditional request that sees the id's last
 * ordering. Every write returns the item as it was before, or the item that failed the condition.
 */
final class InputItems {
    static final String VALUE = "value";
    static final String DELETED = "deleted";
    static final String ORDER_TIME = "ordT";
    static final String ORDER_SEQ = "ordS";
    /** The live-set token of the reservation that made the input live. */
    static final String SLOT = "slot";

    private static final String OLDER = "(ordT < :t OR (ordT = :t AND ordS < :s))";
    /** No item, or one whose ordering is older than the one being written. */
    static final String NEWER = "attribute_not_exists(PK) OR " + OLDER;
    /** A live input with an older ordering. */
    private static final String LIVE_AND_OLDER =
            "attribute_exists(PK) AND attribute_not_exists(deleted) AND " + OLDER;
    /** A live input still at the ordering it was listed with. */
    static final String SAME_LIVE =
            "attribute_exists(PK) AND attribute_not_exists(deleted) AND ordT = :t AND ordS = :s";
    /** BatchGetItem's limit per request. */
    private static final int BATCH = 100;
    /** BatchWriteItem's limit per request. */
    private static final int WRITE_BATCH = 25;
    private static final int UNPROCESSED_RETRIES = 8;

    /** Whether the condition held, and the item before the write (or the one that failed it); empty map: none. */
    record Written(boolean ok, Map<String, AttributeValue> old) {
    }

    private final DynamoDbClient db;
    private final DynamoConfig config;
    private final Clock clock;

    InputItems(DynamoDbClient db, DynamoConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    /** Updates a live input in place (its slot stays) if the stored ordering is older. */
    Written update(ProviderId provider, String inputId, String json, Ordering ordering) {
        UpdateItemRequest.Builder req = UpdateItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.inputsPk(provider), inputId))
                .updateExpression("SET #v = :v, ordT = :t, ordS = :s").conditionExpression(LIVE_AND_OLDER)
                .expressionAttributeNames(Map.of("#v", VALUE))
                .expressionAttributeValues(Map.of(":v", s(json), ":t", n(epochNanos(ordering.eventTime())),
                        ":s", s(ordering.sequence())))
                .returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        try {
            return new Written(true, orEmpty(db.updateItem(req.build()).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return new Written(false, orEmpty(e.item()));
        }
    }

    /** Writes a live input holding the live-set token {@code slot}, if the stored ordering is older. */
    Written create(ProviderId provider, String inputId, String json, Ordering ordering, String slot) {
        Map<String, AttributeValue> item = base(provider, inputId, ordering);
        item.put(VALUE, s(json));
        item.put(SLOT, s(slot));
        return put(item, NEWER, ordering);
    }

    /** Replaces the item by a tombstone that expires after the configured TTL, under {@code condition}. */
    Written tombstone(ProviderId provider, String inputId, Ordering ordering, String condition) {
        Map<String, AttributeValue> item = base(provider, inputId, ordering);
        item.put(DELETED, Attr.bool(true));
        item.put(TTL, n(clock.instant().plus(config.tombstoneTtl()).getEpochSecond()));
        return put(item, condition, ordering);
    }

    /** The item (live or tombstone), or an empty map; a consistent read. */
    Map<String, AttributeValue> read(ProviderId provider, String inputId) {
        return orEmpty(db.getItem(GetItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.inputsPk(provider), inputId)).consistentRead(true).build()).item());
    }

    /** The items of these ids that exist (live or tombstone), in no particular order; consistent reads. */
    List<Map<String, AttributeValue>> read(ProviderId provider, Collection<String> inputIds) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        List<Map<String, AttributeValue>> keys = inputIds.stream()
                .map(id -> Attr.key(TableDesign.inputsPk(provider), id)).toList();
        for (int i = 0; i < keys.size(); i += BATCH) {
            batch(keys.subList(i, Math.min(keys.size(), i + BATCH)), out);
        }
        return out;
    }

    /** Every item of the provider's partition, tombstones included: only to build a missing live set. */
    List<Map<String, AttributeValue>> partition(ProviderId provider) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        db.queryPaginator(QueryRequest.builder().tableName(config.tableName()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(TableDesign.inputsPk(provider))))
                .consistentRead(true).build()).items().forEach(items::add);
        return items;
    }

    /** Deletes every item of the provider's partition, live and tombstone. */
    void deletePartition(ProviderId provider) {
        List<Map<String, AttributeValue>> keys = partition(provider).stream()
                .map(item -> Attr.key(Attr.str(item, PK), Attr.str(item, SK))).toList();
        for (int i = 0; i < keys.size(); i += WRITE_BATCH) {
            List<WriteRequest> deletes = keys.subList(i, Math.min(keys.size(), i + WRITE_BATCH)).stream()
                    .map(k -> WriteRequest.builder().deleteRequest(d -> d.key(k)).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(config.tableName(), deletes);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > UNPROCESSED_RETRIES) {
                    throw new ConflictException("deleting the inputs of " + provider + ": DynamoDB left items "
                            + "unprocessed " + UNPROCESSED_RETRIES + " times (throttled); retry");
                }
                pause(attempt);
                BatchWriteItemResponse r = db.batchWriteItem(BatchWriteItemRequest.builder()
                        .requestItems(pending).build());
                pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            }
        }
    }

    private void batch(List<Map<String, AttributeValue>> keys, List<Map<String, AttributeValue>> out) {
        Map<String, KeysAndAttributes> pending = Map.of(config.tableName(),
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > UNPROCESSED_RETRIES) {
                throw new ConflictException("reading " + keys.size() + " inputs: DynamoDB left keys unprocessed "
                        + UNPROCESSED_RETRIES + " times (throttled); retry");
            }
            pause(attempt);
            BatchGetItemResponse r = db.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
            out.addAll(r.responses().getOrDefault(config.tableName(), List.of()));
            pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
        }
    }

    /** Unprocessed keys mean throttling: back off before asking again (none before the first request). */
    private static void pause(int attempt) {
        if (attempt == 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(1000L, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while reading inputs");
        }
    }

    private Written put(Map<String, AttributeValue> item, String condition, Ordering ordering) {
        try {
            return new Written(true, orEmpty(db.putItem(PutItemRequest.builder().tableName(config.tableName())
                    .item(item).conditionExpression(condition)
                    .expressionAttributeValues(Map.of(":t", n(epochNanos(ordering.eventTime())),
                            ":s", s(ordering.sequence())))
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build()).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return new Written(false, orEmpty(e.item()));
        }
    }

    private static Map<String, AttributeValue> base(ProviderId provider, String inputId, Ordering ordering) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableDesign.inputsPk(provider)));
        item.put(SK, s(inputId));
        item.put(ORDER_TIME, n(epochNanos(ordering.eventTime())));
        item.put(ORDER_SEQ, s(ordering.sequence()));
        return item;
    }

    static boolean live(Map<String, AttributeValue> item) {
        return !item.isEmpty() && !Attr.flag(item, DELETED);
    }

    /** Whether a stored item (live or tombstone) has the same or a newer ordering: a write with it is stale. */
    static boolean holds(Map<String, AttributeValue> item, Ordering ordering) {
        return !item.isEmpty() && ordering(item).compareTo(ordering) >= 0;
    }

    /** Why a write with {@code ordering} was refused by the stored {@code item}: it holds this ordering or a newer one. */
    static WriteOutcome refusal(Map<String, AttributeValue> item, Ordering ordering) {
        return !item.isEmpty() && ordering(item).equals(ordering) ? WriteOutcome.REPEATED : WriteOutcome.STALE;
    }

    static Ordering ordering(Map<String, AttributeValue> item) {
        long nanos = Attr.num(item, ORDER_TIME, 0);
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        return new Ordering(t, Attr.str(item, ORDER_SEQ));
    }

    static StoredInput toInput(ProviderId provider, Map<String, AttributeValue> item) {
        Map<String, Object> values = new LinkedHashMap<>(Json.readMap(Attr.str(item, VALUE)));
        return new StoredInput(provider, Attr.str(item, SK), values, ordering(item));
    }

    static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static Map<String, AttributeValue> orEmpty(Map<String, AttributeValue> item) {
        return item == null ? Map.of() : item;
    }
}
