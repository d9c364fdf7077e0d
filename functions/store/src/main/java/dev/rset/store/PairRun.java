package dev.rset.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The run record of one (ResourceSet, cluster) pair: when its latest run started, and the start of
 * the latest run that finished (every request made before that start is covered by it, since a
 * run reads the state after it starts). {@code cluster} is empty for the pair of a ResourceSet
 * placed nowhere. {@code version} is the optimistic-concurrency token (0 = not stored).
 */
public record PairRun(ObjectKey resourceSet, String cluster, Optional<Instant> started, Optional<Instant> covered,
        long version) {
    public static PairRun none(ObjectKey resourceSet, String cluster) {
        return new PairRun(resourceSet, cluster, Optional.empty(), Optional.empty(), 0);
    }

    /** True when a finished run started more than {@code margin} after {@code requestedAt}. */
    public boolean covers(Instant requestedAt, java.time.Duration margin) {
        return covered.isPresent() && requestedAt.plus(margin).isBefore(covered.get());
    }
}
