package dev.rset.scheduler.inputs;

import dev.rset.store.WriteOutcome;
import java.util.Map;

/** The writes a sync made, per input id, and how many listed inputs needed none. */
public record SyncResult(Map<String, WriteOutcome> writes, int unchanged) {
    public SyncResult {
        writes = Map.copyOf(writes);
    }

    /** Whether the exported inputs changed, so that the ResourceSets reading them must render again. */
    public boolean changed() {
        return writes.containsValue(WriteOutcome.WRITTEN);
    }
}
