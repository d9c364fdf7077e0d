package dev.rset.store.dynamodb;

import java.time.Duration;

/**
 * Adapter settings. {@code dueShards}: partitions of the due index (spreads its write load; the
 * due query issues one request per shard). {@code tombstoneTtl}: how long a removed input's
 * tombstone guards against late deliveries.
 */
public record DynamoConfig(String tableName, int dueShards, Duration tombstoneTtl) {
    public static final int DEFAULT_DUE_SHARDS = 4;
    public static final Duration DEFAULT_TOMBSTONE_TTL = Duration.ofDays(7);

    public DynamoConfig {
        if (tableName == null || tableName.length() < 3) {
            throw new IllegalArgumentException("table name must have at least 3 characters");
        }
        if (dueShards < 1) {
            throw new IllegalArgumentException("dueShards must be at least 1");
        }
    }

    public static DynamoConfig of(String tableName) {
        return new DynamoConfig(tableName, DEFAULT_DUE_SHARDS, DEFAULT_TOMBSTONE_TTL);
    }

    /** From the environment of a Lambda function or {@code rset dev}: RSET_TABLE, RSET_DUE_SHARDS. */
    public static DynamoConfig fromEnv(java.util.Map<String, String> env) {
        String table = env.getOrDefault("RSET_TABLE", "");
        String shards = env.get("RSET_DUE_SHARDS");
        return new DynamoConfig(table, shards == null ? DEFAULT_DUE_SHARDS : Integer.parseInt(shards),
                DEFAULT_TOMBSTONE_TTL);
    }
}
