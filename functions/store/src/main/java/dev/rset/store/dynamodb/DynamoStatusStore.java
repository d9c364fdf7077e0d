package dev.rset.store.dynamodb;

import dev.rset.store.ConflictException;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.StatusStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.util.Map;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;

/** Status (SK {@code STATUS}): one JSON document with a version attribute. */
public final class DynamoStatusStore implements StatusStore {
    private static final String DOC = "doc";
    private static final String VERSION = "ver";

    private final DynamoDbClient db;
    private final DynamoConfig config;

    public DynamoStatusStore(DynamoDbClient db, DynamoConfig config) {
        this.db = db;
        this.config = config;
    }

    @Override
    public ObjectStatus get(ObjectKey key) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(key), TableDesign.SK_STATUS)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return ObjectStatus.EMPTY;
        }
        return StatusCodec.fromMap(Json.readMap(Attr.str(item, DOC)), Attr.num(item, VERSION, 1));
    }

    @Override
    public ObjectStatus put(ObjectKey key, ObjectStatus status) {
        long next = status.version() + 1;
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(config.tableName()).item(Map.of(
                TableDesign.PK, s(TableDesign.objectPk(key)), TableDesign.SK, s(TableDesign.SK_STATUS),
                DOC, s(Json.write(StatusCodec.toMap(status))), VERSION, n(next)));
        if (status.version() == 0) {
            put.conditionExpression("attribute_not_exists(PK)");
        } else {
            put.conditionExpression("ver = :v").expressionAttributeValues(Map.of(":v", n(status.version())));
        }
        try {
            db.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("status of " + key + " was changed concurrently (expected version "
                    + status.version() + ")");
        }
        return new ObjectStatus(status.observedGeneration(), status.conditions(), status.history(), next);
    }

    @Override
    public void delete(ObjectKey key) {
        db.deleteItem(DeleteItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(key), TableDesign.SK_STATUS)).build());
    }
}
