package dev.rset.store;

import java.time.Duration;

/** Webhook delivery ids seen recently, for de-duplication of redelivered events. */
public interface DeliveryLog {
    /** True the first time this id is seen for this receiver; the record expires after {@code ttl}. */
    boolean firstSeen(String receiverKey, String deliveryId, Duration ttl);
}
