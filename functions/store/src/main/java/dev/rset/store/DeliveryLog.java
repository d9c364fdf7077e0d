package dev.rset.store;

import java.time.Duration;

/** Webhook delivery ids seen recently, for de-duplication of redelivered events. */
public interface DeliveryLog {
    /** True the first time this id is seen for this receiver; the record expires after {@code ttl}. */
    boolean firstSeen(String receiverKey, String deliveryId, Duration ttl);

    /**
     * Releases a delivery id that {@link #firstSeen} claimed but whose processing failed, so that
     * the forge's retry of the same delivery is processed instead of dropped as a duplicate.
     */
    default void forget(String receiverKey, String deliveryId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot forget deliveries");
    }
}
