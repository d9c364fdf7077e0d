package dev.rset.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.store.DeliveryClaim;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.SettableClock;
import dev.rset.store.testing.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Claim, done, release: a delivery is processed once; a claim whose holder died (a Lambda timeout
 * or an Error, which never reach a release) lapses with its short lease instead of eating the
 * delivery for the whole de-duplication TTL.
 */
@ExtendWith(MotoServer.class)
class DeliveryLogTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration TTL = Duration.ofHours(24);

    private DynamoDbClient db;
    private DynamoConfig config;
    private SettableClock clock;
    private DynamoDeliveryLog log;

    @BeforeEach
    void setUp(MotoServer moto) {
        db = TestTables.dynamo(moto);
        config = TestTables.newTable(db, 1);
        clock = new SettableClock(NOW);
        log = new DynamoDeliveryLog(db, config, clock);
    }

    private DeliveryClaim.Claimed claimed(String... keys) {
        return assertInstanceOf(DeliveryClaim.Claimed.class, log.claim("apps/github", List.of(keys), LEASE));
    }

    @Test
    void aDoneDeliveryIsDoneUnderEachOfItsKeysUntilItsTtl() {
        log.done(claimed("id:d-1", "sha256:aa"), TTL);
        assertInstanceOf(DeliveryClaim.Done.class, log.claim("apps/github", List.of("id:d-1", "sha256:bb"), LEASE));
        // the same body under a new (unsigned) delivery id is the same delivery
        assertInstanceOf(DeliveryClaim.Done.class, log.claim("apps/github", List.of("id:d-9", "sha256:aa"), LEASE));
        // nothing of the refused claims was written: their other keys are still free
        claimed("id:d-9", "sha256:bb");
        // another receiver's deliveries are its own
        assertInstanceOf(DeliveryClaim.Claimed.class, log.claim("apps/gitlab", List.of("id:d-1"), LEASE));
        Map<String, AttributeValue> raw = db.getItem(b -> b.tableName(config.tableName())
                .key(Attr.key(TableDesign.deliveryPk("apps/github"), "id:d-1"))).item();
        assertEquals(NOW.plus(TTL).getEpochSecond(), Long.parseLong(raw.get("ttl").n()));
        // TTL deletion is lazy: an expired record that is still stored counts as unseen
        clock.advance(TTL.plusSeconds(1));
        claimed("id:d-1", "sha256:aa");
    }

    @Test
    void aClaimWhoseHolderDiedLapsesWithItsLease() {
        claimed("id:d-1", "sha256:aa");
        assertInstanceOf(DeliveryClaim.Busy.class, log.claim("apps/github", List.of("id:d-1", "sha256:aa"), LEASE));
        clock.advance(LEASE.minusSeconds(1));
        assertInstanceOf(DeliveryClaim.Busy.class, log.claim("apps/github", List.of("sha256:aa"), LEASE));
        clock.advance(Duration.ofSeconds(1));
        DeliveryClaim.Claimed retry = claimed("id:d-1", "sha256:aa");
        log.done(retry, TTL);
        assertInstanceOf(DeliveryClaim.Done.class, log.claim("apps/github", List.of("id:d-1"), LEASE));
    }

    @Test
    void aReleasedClaimCanBeClaimedAtOnceButAReleaseNeverUndoesAnotherClaimOrDone() {
        DeliveryClaim.Claimed first = claimed("id:d-1", "sha256:aa");
        log.release(first);
        DeliveryClaim.Claimed second = claimed("id:d-1", "sha256:aa");
        assertNotEquals(first.token(), second.token());
        // the first attempt, late, releases again: the second attempt's claim stands
        log.release(first);
        assertInstanceOf(DeliveryClaim.Busy.class, log.claim("apps/github", List.of("id:d-1"), LEASE));
        log.done(second, TTL);
        log.release(second);
        assertInstanceOf(DeliveryClaim.Done.class, log.claim("apps/github", List.of("sha256:aa"), LEASE));
    }

    @Test
    void keysMustFitASortKey() {
        assertThrows(IllegalArgumentException.class, () -> log.claim("apps/github", List.of(), LEASE));
        assertThrows(IllegalArgumentException.class, () -> log.claim("apps/github", List.of(""), LEASE));
        assertThrows(IllegalArgumentException.class, () -> log.claim("apps/github", List.of("x".repeat(1025)), LEASE));
    }
}
