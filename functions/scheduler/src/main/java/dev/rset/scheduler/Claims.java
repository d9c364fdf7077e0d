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
 * Who handles a due object. The due query's answer is only a hint (two ticks can overlap: a slow
 * one and the next minute's), so a tick claims an entry with the store's one conditional write
 * that moves its due time forward by {@code lease} while the object is still due: of two ticks one
 * claims it, the other is refused. If the winner dies before it finishes, the object is due again
 * when the lease ends.
 */
final class Claims {
    private static final System.Logger LOG = System.getLogger(Claims.class.getName());

    private final ScheduleStore schedules;
    private final Duration lease;

    Claims(ScheduleStore schedules, Duration lease) {
        this.schedules = schedules;
        this.lease = lease;
    }

    /** The claimed state (its version is what {@link #finish} writes against), or empty when another tick has it. */
    Optional<ScheduleState> claim(DueItem item, Instant now) {
        return schedules.claim(item, now, now.plus(lease));
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

    /** Gives a claim back unhandled (no time left in this tick), due again at {@code dueAt}. */
    void release(ScheduleState claimed, Instant dueAt) {
        try {
            schedules.put(claimed.withNextDue(dueAt));
        } catch (ConflictException e) {
            LOG.log(Level.INFO, "{0} changed while it was claimed; its new schedule stands", claimed.key());
        }
    }
}
