package dev.rset.store.sqlite;

import dev.rset.store.contract.SerialisedWritesContract;
import dev.rset.store.contract.StoreFixture;

class SqliteSerialisedWritesTest extends SerialisedWritesContract {
    @Override
    protected StoreFixture newFixture() {
        return new SqliteFixture();
    }
}
