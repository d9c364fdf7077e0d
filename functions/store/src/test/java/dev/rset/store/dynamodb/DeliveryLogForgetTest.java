package dev.rset.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A claimed delivery id released after a failed attempt is processed again on the forge's retry. */
@ExtendWith(MotoServer.class)
class DeliveryLogForgetTest {
    @Test
    void forgottenDeliveryIsSeenAgainOthersAreNot(MotoServer moto) {
        DynamoDbClient db = TestTables.dynamo(moto);
        DynamoConfig config = TestTables.newTable(db, 1);
        DynamoDeliveryLog log = new DynamoDeliveryLog(db, config,
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        assertTrue(log.firstSeen("apps/github", "d-1", Duration.ofHours(1)));
        assertTrue(log.firstSeen("apps/github", "d-2", Duration.ofHours(1)));
        log.forget("apps/github", "d-1");
        assertTrue(log.firstSeen("apps/github", "d-1", Duration.ofHours(1)));
        assertFalse(log.firstSeen("apps/github", "d-2", Duration.ofHours(1)));
        log.forget("apps/github", "never-claimed");
    }
}
