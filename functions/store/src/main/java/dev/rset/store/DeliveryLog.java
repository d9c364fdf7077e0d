package dev.rset.store;

import java.time.Duration;
import java.util.List;

/**
 * Webhook deliveries processed exactly once. A delivery is known by several keys (its delivery id
 * header, which no forge signs, and its body's digest, which the signature covers): it is
 * {@linkplain #claim claimed} for a short lease before processing, {@linkplain #done marked done}
 * at the end, and {@linkplain #release released} when processing failed. A claim whose holder died
 * (timeout, out of memory) lapses with its lease, so the forge's retry is processed, not lost.
 */
public interface DeliveryLog {
    /**
     * Claims the delivery for {@code lease} if no key of it is done (within its TTL) or claimed
     * (within its lease) under this receiver; all keys or none. {@code keys} must not be empty.
     */
    DeliveryClaim claim(String receiverKey, List<String> keys, Duration lease);

    /** Marks a claimed delivery processed: every one of its keys answers {@code Done} for {@code ttl}. */
    void done(DeliveryClaim.Claimed claim, Duration ttl);

    /** Gives up a claim whose processing failed, if it is still this claim: the retry may claim at once. */
    void release(DeliveryClaim.Claimed claim);
}
