package dev.rset.store.dynamodb;

import dev.rset.store.DeliveryClaim;
import dev.rset.store.contract.DeliveryLogContract;
import dev.rset.store.contract.StoreFixture;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(MotoServer.class)
class DynamoDeliveryLogTest extends DeliveryLogContract {
    static DynamoDbClient db;

    @BeforeAll
    static void client(MotoServer moto) {
        db = TestTables.dynamo(moto);
    }

    @Override
    protected StoreFixture newFixture() {
        return new DynamoFixture(db);
    }

    @Test
    void eachKeyIsAnItemWhoseTtlIsTheLeaseThenTheDeDuplicationTtl() {
        DynamoFixture f = (DynamoFixture) fixture;
        DeliveryClaim.Claimed c = claimed(NOW, "id:d-1", "sha256:aa");
        assertEquals(NOW.plus(LEASE).getEpochSecond(), ttl(f, "id:d-1"));
        log(NOW).done(c, TTL);
        assertEquals(NOW.plus(TTL).getEpochSecond(), ttl(f, "sha256:aa"));
    }

    private static long ttl(DynamoFixture f, String key) {
        Map<String, AttributeValue> raw = db.getItem(b -> b.tableName(f.config().tableName())
                .key(Attr.key(TableDesign.deliveryPk("apps/github"), key))).item();
        return Long.parseLong(raw.get("ttl").n());
    }
}
