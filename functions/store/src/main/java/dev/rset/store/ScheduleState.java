package dev.rset.store;

import java.time.Instant;
import java.util.Optional;

/**
 * When an object is next due and what happened last. {@code nextDue} empty or {@code suspended}
 * keeps the object out of the due query. {@code windowEnd} is the end of the delivery window the
 * scheduler opened, if any. {@code version} is the optimistic-concurrency token (0 = not stored).
 */
public record ScheduleState(ObjectKey key, Optional<Instant> nextDue, Optional<Instant> windowEnd,
        Optional<Instant> lastReconcile, boolean suspended, long version) {

    public static ScheduleState initial(ObjectKey key) {
        return new ScheduleState(key, Optional.empty(), Optional.empty(), Optional.empty(), false, 0);
    }

    public boolean isDue(Instant now) {
        return !suspended && nextDue.isPresent() && !nextDue.get().isAfter(now);
    }

    public ScheduleState withNextDue(Instant due) {
        return new ScheduleState(key, Optional.ofNullable(due), windowEnd, lastReconcile, suspended, version);
    }

    public ScheduleState withWindowEnd(Instant end) {
        return new ScheduleState(key, nextDue, Optional.ofNullable(end), lastReconcile, suspended, version);
    }

    public ScheduleState withLastReconcile(Instant at) {
        return new ScheduleState(key, nextDue, windowEnd, Optional.ofNullable(at), suspended, version);
    }

    public ScheduleState withSuspended(boolean s) {
        return new ScheduleState(key, nextDue, windowEnd, lastReconcile, s, version);
    }
}
