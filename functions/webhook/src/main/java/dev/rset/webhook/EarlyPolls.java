package dev.rset.webhook;

import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.store.ConflictException;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.ScheduleStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks for a poll of one provider soon, when a delivery could not settle the order of events
 * (it was older than what the store holds: a same-second tie, a force-push, an eviction under the
 * limit): the provider is made due, and the scheduler's next tick polls it, whose answer wins.
 * At most one such poll per provider per {@link #GAP}: a burst of deliveries asks once.
 */
final class EarlyPolls {
    static final Duration GAP = Duration.ofMinutes(1);

    private final ScheduleStore schedules;

    EarlyPolls(ScheduleStore schedules) {
        this.schedules = schedules;
    }

    /** True when the provider is due by then (already, or by this request). */
    boolean request(ResourceSetInputProvider p, Instant now) {
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, p.namespace(), p.name());
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<ScheduleState> state = schedules.get(key);
            if (state.isEmpty() || state.get().suspended()) {
                return false;
            }
            ScheduleState s = state.get();
            Instant due = s.lastReconcile().map(last -> last.plus(GAP)).filter(t -> t.isAfter(now)).orElse(now);
            if (s.nextDue().isPresent() && !s.nextDue().get().isAfter(due)) {
                return true;
            }
            try {
                schedules.put(s.withNextDue(due));
                return true;
            } catch (ConflictException e) {
                // a tick or an apply changed it: read again
            }
        }
        return false;
    }
}
