package dev.rset.store.dynamodb;

import dev.rset.store.DefinitionStore;
import dev.rset.store.InputStore;
import dev.rset.store.InventoryStore;
import dev.rset.store.PairRunStore;
import dev.rset.store.ScheduleStore;
import dev.rset.store.StatusStore;
import dev.rset.store.contract.StoreFixture;
import dev.rset.store.testing.TestTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** A new table on moto_server (four due shards, so due queries span shards), deleted on close. */
final class DynamoFixture implements StoreFixture {
    private final DynamoDbClient db;
    private final DynamoConfig config;

    DynamoFixture(DynamoDbClient db) {
        this.db = db;
        DynamoConfig table = TestTables.newTable(db, 4);
        this.config = new DynamoConfig(table.tableName(), table.dueShards(), TOMBSTONE_TTL);
    }

    DynamoConfig config() {
        return config;
    }

    @Override
    public DefinitionStore definitions(Clock clock) {
        return new DynamoDefinitionStore(db, config, clock);
    }

    @Override
    public ScheduleStore schedules() {
        return new DynamoScheduleStore(db, config);
    }

    @Override
    public InputStore inputs(Clock clock) {
        return new DynamoInputStore(db, config, clock);
    }

    @Override
    public InventoryStore inventories() {
        return new DynamoInventoryStore(db, config);
    }

    @Override
    public StatusStore statuses() {
        return new DynamoStatusStore(db, config);
    }

    @Override
    public PairRunStore pairRuns() {
        return new DynamoPairRunStore(db, config);
    }

    @Override
    public void close() {
        db.deleteTable(b -> b.tableName(config.tableName()));
    }
}
