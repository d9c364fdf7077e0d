package dev.rset.store.dynamodb;

import dev.rset.store.DeliveryClaim;
import dev.rset.store.DeliveryLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;

/**
 * One item per key of a delivery ({@code DELIVERY#<receiver>}, SK the key) holding its state
 * ({@code claimed} or {@code done}), the claim's token and a {@code ttl}: the end of the lease
 * while claimed, the end of de-duplication once done. A claim writes every key in one transaction,
 * each on the condition that the key is absent or its ttl has passed (DynamoDB deletes expired
 * items lazily, so an expired item counts as absent).
 */
public final class DynamoDeliveryLog implements DeliveryLog {
    static final String STATE = "state";
    static final String TOKEN = "token";
    private static final String CLAIMED = "claimed";
    private static final String DONE = "done";
    /** A sort key's limit is 1,024 bytes. */
    private static final int MAX_KEY_BYTES = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int UNPROCESSED_RETRIES = 8;

    private final DynamoDbClient db;
    private final DynamoConfig config;
    private final Clock clock;

    public DynamoDeliveryLog(DynamoDbClient db, DynamoConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public DeliveryClaim claim(String receiverKey, List<String> keys, Duration lease) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a delivery needs at least one key");
        }
        keys.forEach(DynamoDeliveryLog::requireKey);
        long now = clock.instant().getEpochSecond();
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        // Rounded up: a lease never ends before it was meant to.
        long until = now + Math.max(1, (lease.toMillis() + 999) / 1000);
        List<TransactWriteItem> puts = keys.stream().map(k -> TransactWriteItem.builder().put(Put.builder()
                .tableName(config.tableName())
                .item(item(receiverKey, k, CLAIMED, token, until))
                .conditionExpression("attribute_not_exists(PK) OR #ttl <= :now")
                .expressionAttributeNames(Map.of("#ttl", TableDesign.TTL))
                .expressionAttributeValues(Map.of(":now", n(now))).build()).build()).toList();
        DeliveryClaim.Claimed claimed = new DeliveryClaim.Claimed(receiverKey, keys, token);
        try {
            db.transactWriteItems(b -> b.transactItems(puts));
            return claimed;
        } catch (TransactionCanceledException e) {
            // A request that was applied but whose answer got lost is sent again, by the SDK's
            // retries or by HttpURLConnection's own resend of a POST on a dropped keep-alive
            // connection. DynamoDB answers such a resend by its ClientRequestToken (which the SDK
            // fills once per call) as the first; an emulator need not, and then the resend fails on
            // the claim it made itself. The claim's token tells it apart from another attempt's:
            // all keys were written together, so the first one shows whose claim it is.
            Map<String, AttributeValue> first = read(receiverKey, keys.get(0));
            if (CLAIMED.equals(Attr.str(first, STATE)) && token.equals(Attr.str(first, TOKEN))) {
                return claimed;
            }
            return keys.stream().anyMatch(k -> isDone(k.equals(keys.get(0)) ? first : read(receiverKey, k), now))
                    ? new DeliveryClaim.Done() : new DeliveryClaim.Busy();
        }
    }

    /**
     * One request for all keys (a delivery has two: its id and its body's digest). Unconditional:
     * the claim is this caller's while its lease runs, and a resend of the same batch is harmless.
     */
    @Override
    public void done(DeliveryClaim.Claimed claim, Duration ttl) {
        long until = clock.instant().plus(ttl).getEpochSecond();
        List<WriteRequest> puts = claim.keys().stream().map(k -> WriteRequest.builder().putRequest(p -> p.item(
                item(claim.receiverKey(), k, DONE, claim.token(), until))).build()).toList();
        Map<String, List<WriteRequest>> pending = Map.of(config.tableName(), puts);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > UNPROCESSED_RETRIES) {
                throw new IllegalStateException("marking delivery keys done: DynamoDB left them unprocessed "
                        + UNPROCESSED_RETRIES + " times (throttled)");
            }
            if (attempt > 0) {
                backOff(attempt);
            }
            BatchWriteItemResponse r = db.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending)
                    .build());
            pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(500L, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while marking a delivery done", e);
        }
    }

    @Override
    public void release(DeliveryClaim.Claimed claim) {
        for (String k : claim.keys()) {
            try {
                db.deleteItem(b -> b.tableName(config.tableName())
                        .key(Attr.key(TableDesign.deliveryPk(claim.receiverKey()), k))
                        .conditionExpression("#state = :claimed AND #token = :token")
                        .expressionAttributeNames(Map.of("#state", STATE, "#token", TOKEN))
                        .expressionAttributeValues(Map.of(":claimed", s(CLAIMED), ":token", s(claim.token()))));
            } catch (ConditionalCheckFailedException e) {
                // Not ours any more (the lease ended and another attempt claimed it, or it is done): leave it.
            }
        }
    }

    /** The key's item, or an empty map; a consistent read. */
    private Map<String, AttributeValue> read(String receiverKey, String key) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(config.tableName())
                .key(Attr.key(TableDesign.deliveryPk(receiverKey), key)).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static boolean isDone(Map<String, AttributeValue> item, long now) {
        return DONE.equals(Attr.str(item, STATE)) && Attr.num(item, TableDesign.TTL, 0) > now;
    }

    private static Map<String, AttributeValue> item(String receiverKey, String key, String state, String token,
            long ttl) {
        return Map.of(TableDesign.PK, s(TableDesign.deliveryPk(receiverKey)), TableDesign.SK, s(key),
                STATE, s(state), TOKEN, s(token), TableDesign.TTL, n(ttl));
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a delivery key must have 1 to " + MAX_KEY_BYTES + " bytes");
        }
    }
}
