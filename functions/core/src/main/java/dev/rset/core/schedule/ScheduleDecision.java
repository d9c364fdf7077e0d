package dev.rset.core.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import dev.rset.core.api.Schedule;
import java.util.List;
import java.util.Optional;

/** Whether a woken object runs now, and why not when it does not. */
public sealed interface ScheduleDecision {
    /** Go's RFC 3339 layout, as the Flux Operator prints times in its messages. */
    DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

    /** Run now; {@code forced}: outside every window, because of a force request. */
    record Run(boolean forced) implements ScheduleDecision {
    }

    /** Not now ({@code SkippedDueToSchedule}): the next trigger, if there is one within five years. */
    record Skip(Optional<NextSchedule> next, String message) implements ScheduleDecision {
    }

    /** The schedule cannot be used ({@code Stalled}, {@code InvalidSchedule}). */
    record Invalid(String message) implements ScheduleDecision {
    }

    /** Decides at {@code now} for an object with these schedules and timing. */
    static ScheduleDecision at(Instant now, List<Schedule> schedules, ReconcileTiming timing, boolean forced) {
        DeliverySchedules parsed;
        try {
            parsed = DeliverySchedules.of(schedules, timing.timeout());
        } catch (ScheduleException e) {
            return new Invalid(e.getMessage());
        }
        if (forced || parsed.allowsRunAt(now)) {
            return new Run(forced && !parsed.allowsRunAt(now));
        }
        Optional<NextSchedule> next = parsed.next(now);
        return new Skip(next, next.map(n -> "Reconciliation skipped, next scheduled at " + RFC3339.format(n.when()))
                .orElse("Reconciliation skipped, no schedule fires within five years"));
    }
}
