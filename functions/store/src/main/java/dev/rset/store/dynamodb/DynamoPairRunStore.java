package dev.rset.store.dynamodb;

import dev.rset.store.ConflictException;
import dev.rset.store.ObjectKey;
import dev.rset.store.PairRun;
import dev.rset.store.PairRunStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.rset.store.dynamodb.Attr.n;

/**
 * Run records (SK {@code RUN#<cluster>} in the ResourceSet's partition): {@code started} and
 * {@code covered} in epoch ms, {@code ver}, and a {@code ttl} that lets DynamoDB drop the records of
 * pairs that stopped running (a lost record costs one extra run, never a missed one).
 */
public final class DynamoPairRunStore implements PairRunStore {
    /** Longer than SQS keeps a message (14 days), so no queued request outlives its pair's record. */
    static final Duration RECORD_TTL = Duration.ofDays(15);
    private static final String STARTED = "started";
    private static final String COVERED = "covered";
    private static final String VERSION = "ver";

    private final DynamoDbClient db;
    private final DynamoConfig config;

    public DynamoPairRunStore(DynamoDbClient db, DynamoConfig config) {
        this.db = db;
        this.config = config;
    }

    @Override
    public PairRun get(ObjectKey resourceSet, String cluster) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(config.tableName())
                .key(key(resourceSet, cluster)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return PairRun.none(resourceSet, cluster);
        }
        return new PairRun(resourceSet, cluster, instant(item, STARTED), instant(item, COVERED),
                Attr.num(item, VERSION, 1));
    }

    @Override
    public PairRun start(PairRun read, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":started", n(at.toEpochMilli()));
        values.put(":next", n(read.version() + 1));
        values.put(":ttl", n(at.plus(RECORD_TTL).getEpochSecond()));
        String condition = "attribute_not_exists(PK)";
        if (read.version() != 0) {
            condition = "ver = :ver";
            values.put(":ver", n(read.version()));
        }
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(config.tableName())
                    .key(key(read.resourceSet(), read.cluster()))
                    .updateExpression("SET started = :started, ver = :next, #ttl = :ttl")
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#ttl", TableDesign.TTL))
                    .expressionAttributeValues(values).build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("a run of " + read.resourceSet() + " on cluster '" + read.cluster()
                    + "' started concurrently (expected version " + read.version() + ")");
        }
        return new PairRun(read.resourceSet(), read.cluster(), Optional.of(at), read.covered(), read.version() + 1);
    }

    @Override
    public void finish(PairRun started) {
        Instant at = started.started().orElseThrow(() -> new IllegalArgumentException(
                "run of " + started.resourceSet() + " on cluster '" + started.cluster() + "' has not started"));
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(config.tableName())
                    .key(key(started.resourceSet(), started.cluster()))
                    .updateExpression("SET covered = :at")
                    .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(covered) OR covered < :at)")
                    .expressionAttributeValues(Map.of(":at", n(at.toEpochMilli()))).build());
        } catch (ConditionalCheckFailedException laterRunFinishedFirst) {
            // Its covered time is already at least ours: nothing to record.
        }
    }

    private static Map<String, AttributeValue> key(ObjectKey resourceSet, String cluster) {
        if (cluster.indexOf('#') >= 0) {
            throw new IllegalArgumentException("cluster name must not contain '#': " + cluster);
        }
        return Attr.key(TableDesign.objectPk(resourceSet), TableDesign.pairRunSk(cluster));
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        long ms = Attr.num(item, name, -1);
        return ms < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }
}
