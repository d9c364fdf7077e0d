package dev.rset.store.contract;

import dev.rset.store.DeliveryClaim;
import dev.rset.store.DeliveryLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every {@link DeliveryLog} does: a delivery is claimed for a lease, then done (under each of
 * its keys, until its TTL) or released; a claim whose holder died (a Lambda timeout or an Error,
 * which never reach a release) lapses with its lease instead of eating the delivery.
 */
public abstract class DeliveryLogContract extends StoreContract {
    protected static final Duration LEASE = Duration.ofSeconds(60);
    protected static final Duration TTL = Duration.ofHours(24);

    protected DeliveryLog log(Instant t) {
        return fixture.deliveries(at(t));
    }

    protected DeliveryClaim.Claimed claimed(Instant t, String... keys) {
        return assertInstanceOf(DeliveryClaim.Claimed.class, log(t).claim("apps/github", List.of(keys), LEASE));
    }

    private void assertClaim(Class<? extends DeliveryClaim> expected, Instant t, String receiver, String... keys) {
        assertInstanceOf(expected, log(t).claim(receiver, List.of(keys), LEASE));
    }

    @Test
    void aDoneDeliveryIsDoneUnderEachOfItsKeysUntilItsTtl() {
        log(NOW).done(claimed(NOW, "id:d-1", "sha256:aa"), TTL);
        assertClaim(DeliveryClaim.Done.class, NOW, "apps/github", "id:d-1", "sha256:bb");
        // the same body under a new (unsigned) delivery id is the same delivery
        assertClaim(DeliveryClaim.Done.class, NOW, "apps/github", "id:d-9", "sha256:aa");
        // nothing of the refused claims was written: their other keys are still free
        claimed(NOW, "id:d-9", "sha256:bb");
        // another receiver's deliveries are its own
        assertClaim(DeliveryClaim.Claimed.class, NOW, "apps/gitlab", "id:d-1");
        assertClaim(DeliveryClaim.Done.class, NOW.plus(TTL).minusSeconds(1), "apps/github", "id:d-1");
        // an expired record that is still stored counts as absent
        claimed(NOW.plus(TTL), "id:d-1", "sha256:aa");
    }

    @Test
    void aClaimWhoseHolderDiedLapsesWithItsLease() {
        claimed(NOW, "id:d-1", "sha256:aa");
        assertClaim(DeliveryClaim.Busy.class, NOW, "apps/github", "id:d-1", "sha256:aa");
        assertClaim(DeliveryClaim.Busy.class, NOW.plus(LEASE).minusSeconds(1), "apps/github", "sha256:aa");
        DeliveryClaim.Claimed retry = claimed(NOW.plus(LEASE), "id:d-1", "sha256:aa");
        log(NOW.plus(LEASE)).done(retry, TTL);
        assertClaim(DeliveryClaim.Done.class, NOW.plus(LEASE), "apps/github", "id:d-1");
    }

    @Test
    void aReleasedClaimCanBeClaimedAtOnceButAReleaseNeverUndoesAnotherClaimOrDone() {
        DeliveryClaim.Claimed first = claimed(NOW, "id:d-1", "sha256:aa");
        log(NOW).release(first);
        DeliveryClaim.Claimed second = claimed(NOW, "id:d-1", "sha256:aa");
        assertNotEquals(first.token(), second.token());
        // the first attempt, late, releases again: the second attempt's claim stands
        log(NOW).release(first);
        assertClaim(DeliveryClaim.Busy.class, NOW, "apps/github", "id:d-1");
        log(NOW).done(second, TTL);
        log(NOW).release(second);
        assertClaim(DeliveryClaim.Done.class, NOW, "apps/github", "sha256:aa");
    }

    @Test
    void aDeliveryHasOneToSomeKeysOfAtMost1024Bytes() {
        assertThrows(IllegalArgumentException.class, () -> log(NOW).claim("apps/github", List.of(), LEASE));
        assertThrows(IllegalArgumentException.class, () -> log(NOW).claim("apps/github", List.of(""), LEASE));
        assertThrows(IllegalArgumentException.class, () -> log(NOW).claim("apps/github", List.of("x".repeat(1025)),
                LEASE));
    }
}
