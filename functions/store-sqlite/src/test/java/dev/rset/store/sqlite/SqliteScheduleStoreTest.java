package dev.rset.store.sqlite;

import dev.rset.store.contract.ScheduleStoreContract;
import dev.rset.store.contract.StoreFixture;

class SqliteScheduleStoreTest extends ScheduleStoreContract {
    @Override
    protected StoreFixture newFixture() {
        return new SqliteFixture();
    }
}
