package dev.rset.reconciler.lambda;

import dev.rset.reconciler.PairRequest;

/** A request as it came off the pair queue: the message to acknowledge or return, and what it asks. */
public record QueuedRequest(String messageId, PairRequest request) {
}
