package dev.rset.reconciler.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a run on one cluster ended, for its status. {@code ready} is the Ready condition's status
 * ({@code True}, {@code False}); {@code stalled} marks a failure no retry can fix (a build error);
 * {@code digest} is empty when nothing was built, and a run with a digest that reached the cluster
 * is recorded in the history; {@code inventoryCount} is negative when the inventory was not
 * touched; {@code metadata} goes into the history entry.
 */
public record RunReport(String ready, String reason, String message, boolean stalled, String digest,
        boolean recordHistory, Duration took, long inventoryCount, List<String> changes,
        Map<String, String> metadata) {
    public RunReport {
        changes = List.copyOf(changes);
        metadata = Map.copyOf(metadata);
    }

    public boolean succeeded() {
        return "True".equals(ready);
    }
}
