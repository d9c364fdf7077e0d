package dev.rset.store.dynamodb;

import dev.rset.store.DeliveryLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;

/** Delivery ids as items with a TTL; the first conditional put wins. */
public final class DynamoDeliveryLog implements DeliveryLog {
    private final DynamoDbClient db;
    private final DynamoConfig config;
    private final Clock clock;

    public DynamoDeliveryLog(DynamoDbClient db, DynamoConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String receiverKey, String deliveryId, Duration ttl) {
        if (deliveryId == null || deliveryId.isEmpty()) {
            throw new IllegalArgumentException("delivery id must not be empty");
        }
        long now = clock.instant().getEpochSecond();
        try {
            // DynamoDB deletes expired items lazily (up to days later): an expired record counts as unseen.
            db.putItem(PutItemRequest.builder().tableName(config.tableName())
                    .item(Map.of(TableDesign.PK, s(TableDesign.deliveryPk(receiverKey)),
                            TableDesign.SK, s(deliveryId),
                            TableDesign.TTL, n(now + ttl.toSeconds())))
                    .conditionExpression("attribute_not_exists(PK) OR #ttl <= :now")
                    .expressionAttributeNames(Map.of("#ttl", TableDesign.TTL))
                    .expressionAttributeValues(Map.of(":now", n(now)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void forget(String receiverKey, String deliveryId) {
        db.deleteItem(DeleteItemRequest.builder().tableName(config.tableName())
                .key(Map.of(TableDesign.PK, s(TableDesign.deliveryPk(receiverKey)), TableDesign.SK, s(deliveryId)))
                .build());
    }
}
