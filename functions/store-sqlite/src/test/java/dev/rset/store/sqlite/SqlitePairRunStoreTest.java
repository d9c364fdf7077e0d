package dev.rset.store.sqlite;

import dev.rset.store.contract.PairRunStoreContract;
import dev.rset.store.contract.StoreFixture;

class SqlitePairRunStoreTest extends PairRunStoreContract {
    @Override
    protected StoreFixture newFixture() {
        return new SqliteFixture();
    }
}
