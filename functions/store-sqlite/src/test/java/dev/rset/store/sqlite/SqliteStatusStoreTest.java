package dev.rset.store.sqlite;

import dev.rset.store.contract.StatusStoreContract;
import dev.rset.store.contract.StoreFixture;

class SqliteStatusStoreTest extends StatusStoreContract {
    @Override
    protected StoreFixture newFixture() {
        return new SqliteFixture();
    }
}
