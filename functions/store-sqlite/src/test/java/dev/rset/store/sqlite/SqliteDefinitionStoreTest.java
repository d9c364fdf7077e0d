package dev.rset.store.sqlite;

import dev.rset.store.contract.DefinitionStoreContract;
import dev.rset.store.contract.StoreFixture;

class SqliteDefinitionStoreTest extends DefinitionStoreContract {
    @Override
    protected StoreFixture newFixture() {
        return new SqliteFixture();
    }
}
