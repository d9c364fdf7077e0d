package dev.rset.store.sqlite;

import dev.rset.store.contract.DeliveryLogContract;
import dev.rset.store.contract.StoreFixture;

class SqliteDeliveryLogTest extends DeliveryLogContract {
    @Override
    protected StoreFixture newFixture() {
        return new SqliteFixture();
    }
}
