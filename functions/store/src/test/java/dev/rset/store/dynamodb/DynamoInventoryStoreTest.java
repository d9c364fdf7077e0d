package dev.rset.store.dynamodb;

import dev.rset.store.contract.InventoryStoreContract;
import dev.rset.store.contract.StoreFixture;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(MotoServer.class)
class DynamoInventoryStoreTest extends InventoryStoreContract {
    static DynamoDbClient db;

    @BeforeAll
    static void client(MotoServer moto) {
        db = TestTables.dynamo(moto);
    }

    @Override
    protected StoreFixture newFixture() {
        return new DynamoFixture(db);
    }
}
