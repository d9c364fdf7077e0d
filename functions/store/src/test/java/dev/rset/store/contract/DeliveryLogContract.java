package dev.rset.store.contract;

import dev.rset.store.DeliveryLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link DeliveryLog} does: a delivery id is new once per receiver until it expires or is forgotten. */
public abstract class DeliveryLogContract extends StoreContract {
    @Test
    void deliveryIdsAreSeenOncePerReceiverUntilTheyExpire() {
        DeliveryLog log = fixture.deliveries(at(NOW));
        assertTrue(log.firstSeen("abc", "d-1", Duration.ofHours(1)));
        assertFalse(log.firstSeen("abc", "d-1", Duration.ofHours(1)));
        assertTrue(log.firstSeen("other", "d-1", Duration.ofHours(1)));
        assertFalse(fixture.deliveries(at(NOW.plus(Duration.ofMinutes(59)))).firstSeen("abc", "d-1",
                Duration.ofHours(1)));
        // an expired record that is still stored counts as unseen
        DeliveryLog later = fixture.deliveries(at(NOW.plus(Duration.ofHours(2))));
        assertTrue(later.firstSeen("abc", "d-1", Duration.ofHours(1)));
        assertFalse(later.firstSeen("abc", "d-1", Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> log.firstSeen("abc", "", Duration.ofHours(1)));
    }

    @Test
    void aForgottenDeliveryIsSeenAgainOthersAreNot() {
        DeliveryLog log = fixture.deliveries(at(NOW));
        assertTrue(log.firstSeen("apps/github", "d-1", Duration.ofHours(1)));
        assertTrue(log.firstSeen("apps/github", "d-2", Duration.ofHours(1)));
        log.forget("apps/github", "d-1");
        assertTrue(log.firstSeen("apps/github", "d-1", Duration.ofHours(1)));
        assertFalse(log.firstSeen("apps/github", "d-2", Duration.ofHours(1)));
        log.forget("apps/github", "never-claimed");
    }
}
