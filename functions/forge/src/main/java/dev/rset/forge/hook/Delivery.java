package dev.rset.forge.hook;

import java.time.Instant;

/** One webhook request as received: headers, the raw body bytes (signatures cover these exactly) and when it came. */
public record Delivery(Headers headers, byte[] body, Instant receivedAt) {
}
