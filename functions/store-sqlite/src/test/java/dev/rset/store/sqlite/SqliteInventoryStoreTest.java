package dev.rset.store.sqlite;

import dev.rset.store.contract.InventoryStoreContract;
import dev.rset.store.contract.StoreFixture;

class SqliteInventoryStoreTest extends InventoryStoreContract {
    @Override
    protected StoreFixture newFixture() {
        return new SqliteFixture();
    }
}
