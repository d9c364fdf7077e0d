package dev.rset.reconciler;

import java.time.Instant;

/**
 * A request to reconcile one ResourceSet on one cluster: the unit of work, of ordering (one run
 * per pair at a time) and of coalescing (requests made before a run started are covered by it).
 * {@code cluster} is empty for a ResourceSet that was deleted or whose placement must be worked
 * out again; {@code force} runs outside the delivery window; {@code cause} says why it was asked
 * for (an event's detail type and id), for logs and status.
 */
public record PairRequest(String namespace, String resourceSet, String cluster, boolean force, Instant requestedAt,
        String cause) {
    /** The message group of a FIFO queue: one group per pair. */
    public String groupId() {
        return namespace + "/" + resourceSet + "@" + cluster;
    }
}
