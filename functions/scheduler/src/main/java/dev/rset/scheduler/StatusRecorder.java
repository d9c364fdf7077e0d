package dev.rset.scheduler;

import dev.rset.store.Condition;
import dev.rset.store.ConflictException;
import dev.rset.store.ObjectStatus;
import dev.rset.store.StatusStore;
import dev.rset.store.StoredObject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Writes the conditions a tick decides (poll results, schedule skips, invalid schedules). The
 * status is a report, not state anything depends on: after three lost races the write is given up
 * with a warning rather than failing the provider's run.
 */
final class StatusRecorder {
    static final String REASON_SKIPPED_DUE_TO_SCHEDULE = "SkippedDueToSchedule";
    static final String REASON_INVALID_SCHEDULE = "InvalidSchedule";
    static final String REASON_INVALID_SPEC = "InvalidSpec";
    /** The Flux Operator's prefix for errors that only a change of the object can cure. */
    static final String TERMINAL = "Reconciliation failed terminally due to configuration error";

    private static final System.Logger LOG = System.getLogger(StatusRecorder.class.getName());

    private final StatusStore statuses;

    StatusRecorder(StatusStore statuses) {
        this.statuses = statuses;
    }

    void update(StoredObject object, UnaryOperator<ObjectStatus> change) {
        for (int attempt = 0; attempt < 3; attempt++) {
            ObjectStatus current = statuses.get(object.key());
            try {
                statuses.put(object.key(), change.apply(current).withObservedGeneration(object.generation()));
                return;
            } catch (ConflictException e) {
                // another writer (the reconciler, an earlier tick) got there first: re-read
            }
        }
        LOG.log(Level.WARNING, "status of {0} not written: three concurrent updates in a row", object.key());
    }

    static Condition condition(StoredObject object, String type, boolean status, String reason, String message,
            Instant now) {
        return new Condition(type, status ? "True" : "False", reason, message, now, object.generation());
    }

    /** Drops a condition (Stalled once the object is usable again). */
    static ObjectStatus without(ObjectStatus s, String type) {
        return new ObjectStatus(s.observedGeneration(),
                s.conditions().stream().filter(c -> !c.type().equals(type)).toList(), s.history(), s.version());
    }
}
