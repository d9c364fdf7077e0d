package dev.rset.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Schedule state per object, and the due-work query that drives the scheduler. */
public interface ScheduleStore {
    Optional<ScheduleState> get(ObjectKey key);

    /**
     * Writes the state when the stored version equals {@code state.version()} (0: must not exist);
     * returns it with its new version; throws {@link ConflictException} otherwise.
     */
    ScheduleState put(ScheduleState state);

    /**
     * Objects due at {@code now} (not suspended, next due time not after it), earliest first, at
     * most {@code limit}. Costs reads proportional to the due objects, not to all objects.
     */
    List<DueItem> due(Instant now, int limit);

    /**
     * Claims a due entry for one handler: when the object is still due at {@code now} (not suspended,
     * next due time not after it, and for an adapter with hints, the entry is still the object's),
     * moves its next due time to {@code until} in one conditional write and returns the new state
     * (its version is what the handler's final {@link #put} writes against). Empty when another
     * tick claimed it first or the object changed since the due query read it.
     */
    Optional<ScheduleState> claim(DueItem item, Instant now, Instant until);

    /** Removes the schedule state (the object is gone and its clean-up done); a missing one is not an error. */
    void delete(ObjectKey key);
}
