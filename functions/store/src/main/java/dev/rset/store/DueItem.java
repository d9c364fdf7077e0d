package dev.rset.store;

import java.time.Instant;

/**
 * One answer of the due query: an object whose next due time has passed. {@code hint} is what the
 * adapter needs to claim exactly this entry ({@link ScheduleStore#claim}); opaque to callers.
 */
public record DueItem(ObjectKey key, Instant dueAt, String hint) {
    public DueItem(ObjectKey key, Instant dueAt) {
        this(key, dueAt, "");
    }
}
