package dev.rset.store.sqlite;

import dev.rset.store.contract.InputStoreContract;
import dev.rset.store.contract.StoreFixture;

class SqliteInputStoreTest extends InputStoreContract {
    @Override
    protected StoreFixture newFixture() {
        return new SqliteFixture();
    }
}
