package dev.rset.store.dynamodb;

import dev.rset.store.DeliveryClaim;
import dev.rset.store.DeliveryLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
        try {
            db.transactWriteItems(b -> b.transactItems(puts));
            return new DeliveryClaim.Claimed(receiverKey, keys, token);
        } catch (TransactionCanceledException e) {
            return keys.stream().anyMatch(k -> isDone(receiverKey, k, now)) ? new DeliveryClaim.Done()
                    : new DeliveryClaim.Busy();
        }
    }

    @Override
    public void done(DeliveryClaim.Claimed claim, Duration ttl) {
        long until = clock.instant().plus(ttl).getEpochSecond();
        for (String k : claim.keys()) {
            db.putItem(b -> b.tableName(config.tableName()).item(item(claim.receiverKey(), k, DONE, claim.token(),
                    until)));
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

    private boolean isDone(String receiverKey, String key, long now) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(config.tableName())
                .key(Attr.key(TableDesign.deliveryPk(receiverKey), key)).consistentRead(true)).item();
        return item != null && DONE.equals(Attr.str(item, STATE)) && Attr.num(item, TableDesign.TTL, 0) > now;
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
