package dev.rset.scheduler;

import dev.rset.store.DefinitionStore;
import dev.rset.store.InputStore;
import dev.rset.store.ScheduleStore;
import dev.rset.store.StatusStore;
import dev.rset.store.dynamodb.DynamoStores;

/** The store ports a tick reads and writes, whichever adapter is behind them (DynamoDB, or SQLite in rset dev). */
public record SchedulerStores(DefinitionStore definitions, InputStore inputs, ScheduleStore schedules,
        StatusStore statuses) {
    public static SchedulerStores of(DynamoStores stores) {
        return new SchedulerStores(stores.definitions(), stores.inputs(), stores.schedules(), stores.statuses());
    }
}
