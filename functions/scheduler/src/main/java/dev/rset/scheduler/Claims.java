package dev.rset.scheduler;

import dev.rset.store.ConflictException;
import dev.rset.store.DueItem;
import dev.rset.store.ScheduleState;
import dev.rset.store.ScheduleStore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who handles a due object. The due index is eventually consistent and two ticks can overlap
 * (a slow one and the next minute's), so an entry in it is only a hint: a tick reads the schedule
 * item (consistently) and claims it by moving its due time forward by {@code lease}, conditional
 * on the version it read. One of two ticks that read the same version wins the write; the other
 * gets a conflict, and a tick that reads after a claim finds the object not due. If the winner
 * dies before it finishes, the object is due again when the lease ends.
 */
final class Claims {
    private static final System.Logger LOG = System.getLogger(Claims.class.getName());

    private final ScheduleStore schedules;
    private final Duration lease;

    Claims(ScheduleStore schedules, Duration lease) {
        this.schedules = schedules;
        this.lease = lease;
    }

    /** The schedule state as it stood when due, if it is still due at {@code now} (not claimed, not changed). */
    Optional<ScheduleState> read(DueItem item, Instant now) {
        return schedules.get(item.key()).filter(s -> s.isDue(now));
    }

    /** The claimed state (its version is what {@link #finish} writes against), or empty when another tick has it. */
    Optional<ScheduleState> claim(ScheduleState due, Instant now) {
        try {
            return Optional.of(schedules.put(due.withNextDue(now.plus(lease))));
        } catch (ConflictException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the state after the run. A conflict means the object was applied, suspended or asked
     * to reconcile meanwhile: that write decided its schedule, and it stays.
     */
    void finish(ScheduleState claimed, Optional<Instant> nextDue, boolean suspended, Instant ranAt) {
        ScheduleState next = claimed.withNextDue(nextDue.orElse(null)).withSuspended(suspended)
                .withLastReconcile(ranAt);
        try {
            schedules.put(next);
        } catch (ConflictException e) {
            LOG.log(Level.INFO, "{0} changed while it was handled; its new schedule stands", claimed.key());
        }
    }
}
