package dev.rset.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One entry of {@code status.history}, as the Flux Operator keeps it: a digest and its runs. */
public record HistoryEntry(String digest, Instant firstReconciled, Instant lastReconciled,
        Duration lastReconciledDuration, String lastReconciledStatus, long totalReconciliations,
        Map<String, String> metadata) {
    public HistoryEntry {
        metadata = Map.copyOf(metadata);
    }
}
