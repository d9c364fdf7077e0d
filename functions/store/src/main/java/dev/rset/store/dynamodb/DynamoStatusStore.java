package dev.rset.store.dynamodb;

import dev.rset.store.ClusterStatus;
import dev.rset.store.ConflictException;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.StatusStore;
import dev.rset.store.StatusCodec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;

/**
 * Status (SK {@code STATUS}): one JSON document with a version attribute; per-cluster statuses
 * beside it (SK {@code STATUS#<cluster>}), one item per pair so parallel runs never collide.
 */
public final class DynamoStatusStore implements StatusStore {
    private static final int BATCH_GET = 100;
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
    public Map<ObjectKey, ObjectStatus> getAll(Collection<ObjectKey> keys) {
        Map<String, ObjectKey> byPk = new LinkedHashMap<>();
        keys.forEach(k -> byPk.put(TableDesign.objectPk(k), k));
        Map<ObjectKey, ObjectStatus> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, ObjectStatus.EMPTY));
        List<Map<String, AttributeValue>> pending = new ArrayList<>();
        byPk.keySet().forEach(pk -> pending.add(Attr.key(pk, TableDesign.SK_STATUS)));
        for (int from = 0; from < pending.size(); from += BATCH_GET) {
            List<Map<String, AttributeValue>> batch = pending.subList(from, Math.min(pending.size(), from + BATCH_GET));
            for (int attempt = 0; !batch.isEmpty(); attempt++) {
                if (attempt > 8) {
                    throw new IllegalStateException("DynamoDB kept throttling the status read");
                }
                BatchGetItemResponse r = db.batchGetItem(BatchGetItemRequest.builder().requestItems(Map.of(
                        config.tableName(), KeysAndAttributes.builder().keys(batch).consistentRead(true).build()))
                        .build());
                for (Map<String, AttributeValue> item : r.responses().getOrDefault(config.tableName(), List.of())) {
                    out.put(byPk.get(Attr.str(item, TableDesign.PK)),
                            StatusCodec.fromMap(Json.readMap(Attr.str(item, DOC)), Attr.num(item, VERSION, 1)));
                }
                KeysAndAttributes left = r.hasUnprocessedKeys() ? r.unprocessedKeys().get(config.tableName()) : null;
                batch = left == null ? List.of() : left.keys();
            }
        }
        return out;
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

    @Override
    public List<ClusterStatus> clusters(ObjectKey key) {
        List<ClusterStatus> out = new ArrayList<>();
        db.queryPaginator(QueryRequest.builder().tableName(config.tableName())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(TableDesign.objectPk(key)),
                        ":prefix", s(TableDesign.SK_CLUSTER_STATUS_PREFIX)))
                .consistentRead(true).build()).items()
                .forEach(item -> out.add(StatusCodec.clusterFromMap(Json.readMap(Attr.str(item, DOC)),
                        Attr.num(item, VERSION, 1))));
        return out;
    }

    @Override
    public ClusterStatus putCluster(ObjectKey key, ClusterStatus status) {
        long next = status.version() + 1;
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(config.tableName()).item(Map.of(
                TableDesign.PK, s(TableDesign.objectPk(key)), TableDesign.SK, s(TableDesign.clusterStatusSk(status.cluster())),
                DOC, s(Json.write(StatusCodec.toMap(status))), VERSION, n(next)));
        if (status.version() == 0) {
            put.conditionExpression("attribute_not_exists(PK)");
        } else {
            put.conditionExpression("ver = :v").expressionAttributeValues(Map.of(":v", n(status.version())));
        }
        try {
            db.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("status of " + key + " on cluster " + status.cluster()
                    + " was changed concurrently (expected version " + status.version() + ")");
        }
        ObjectStatus st = status.status();
        return status.withStatus(new ObjectStatus(st.observedGeneration(), st.conditions(), st.history(), next));
    }

    @Override
    public void deleteCluster(ObjectKey key, String cluster) {
        db.deleteItem(DeleteItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(TableDesign.objectPk(key), TableDesign.clusterStatusSk(cluster))).build());
    }
}
