package dev.rset.core.schedule;

import dev.rset.core.api.GoDurations;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An object's {@code spec.schedule}, checked and parsed, with its reconcile timeout. A run may
 * start when no schedule is given, when any schedule has no window ({@code 0s}: best effort, run
 * whenever woken), or when it would end ({@code now + timeout}) before some schedule's window
 * closes ({@code previous trigger + window}). Several schedules: the earliest next trigger wins.
 */
public final class DeliverySchedules {
    /** What the CRD admits for {@code window} (metav1.Duration with the API server's pattern). */
    private static final Pattern WINDOW = Pattern.compile("([0-9]+(\\.[0-9]+)?(ms|s|m|h))+");

    private record Entry(Schedule spec, CronExpression cron, Duration window) {
    }

    private final List<Entry> entries;
    private final Duration timeout;

    private DeliverySchedules(List<Entry> entries, Duration timeout) {
        this.entries = entries;
        this.timeout = timeout;
    }

    /**
     * Parses every schedule; throws {@link ScheduleException} for the first bad one, worded as the
     * Flux Operator words it ({@code failed to validate schedule[1]: a non-zero window (5m0s) must
     * always be at least twice the timeout (5m0s)}).
     */
    public static DeliverySchedules of(List<Schedule> schedules, Duration timeout) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            try {
                entries.add(entry(schedules.get(i), timeout));
            } catch (ScheduleException e) {
                throw e.at(i);
            }
        }
        return new DeliverySchedules(List.copyOf(entries), timeout);
    }

    /**
     * The same checks at apply time: throws {@link InvalidObjectException} naming {@code object}
     * and the field, e.g. {@code ResourceSetInputProvider apps/prs: spec.schedule[0].timeZone:
     * failed to parse cron spec '0 5 * * *' with timezone 'Mars/Olympus': provided bad location …}.
     */
    public static void validate(List<Schedule> schedules, Duration timeout, String object) {
        for (int i = 0; i < schedules.size(); i++) {
            try {
                entry(schedules.get(i), timeout);
            } catch (ScheduleException e) {
                throw new InvalidObjectException(object + ": spec.schedule[" + i + "]." + e.field() + ": "
                        + e.getMessage());
            }
        }
    }

    private static Entry entry(Schedule s, Duration timeout) {
        Duration window = window(s.window());
        if (window.isNegative()) {
            throw new ScheduleException("window", "negative window: " + GoDurations.format(window));
        }
        if (!window.isZero() && window.compareTo(timeout.multipliedBy(2)) < 0) {
            throw new ScheduleException("window", "a non-zero window (" + GoDurations.format(window)
                    + ") must always be at least twice the timeout (" + GoDurations.format(timeout) + ")");
        }
        return new Entry(s, CronParser.parse(s.cron(), s.timeZone()), window);
    }

    private static Duration window(String text) {
        if (text == null || text.isEmpty()) {
            return Duration.ZERO;
        }
        if (!WINDOW.matcher(text).matches()) {
            throw new ScheduleException("window", "invalid window \"" + text + "\": must be a duration such as 0s, "
                    + "30m or 1h30m (pattern ^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$)");
        }
        try {
            return GoDurations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ScheduleException("window", e.getMessage());
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Duration timeout() {
        return timeout;
    }

    /** May a run start at {@code now}? */
    public boolean allowsRunAt(Instant now) {
        if (entries.isEmpty()) {
            return true;
        }
        for (Entry e : entries) {
            if (e.window().isZero() || insideWindow(e, now)) {
                return true;
            }
        }
        return false;
    }

    /**
     * May a run planned by the interval start at {@code at}? Only windows decide here: a schedule
     * without a window says when to run, not that runs in between are allowed.
     */
    public boolean allowsIntervalRunAt(Instant at) {
        if (entries.isEmpty()) {
            return true;
        }
        for (Entry e : entries) {
            if (!e.window().isZero() && insideWindow(e, at)) {
                return true;
            }
        }
        return false;
    }

    private boolean insideWindow(Entry e, Instant start) {
        Optional<Instant> previous = e.cron().previous(start);
        return previous.isPresent() && start.plus(timeout).isBefore(previous.get().plus(e.window()));
    }

    /** The earliest next trigger over all schedules, strictly after {@code now}. */
    public Optional<NextSchedule> next(Instant now) {
        NextSchedule best = null;
        for (Entry e : entries) {
            Optional<Instant> when = e.cron().next(now);
            if (when.isPresent() && (best == null || when.get().isBefore(best.when()))) {
                best = new NextSchedule(e.spec(), when.get());
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * When to run again after a run that ended at {@code end}: after {@code interval}, unless that
     * time is outside every window or a schedule fires sooner; then at the next trigger, which is
     * also what {@code status.nextSchedule} shows.
     */
    public NextRun nextRun(Instant end, Duration interval) {
        Instant byInterval = end.plus(interval);
        if (entries.isEmpty()) {
            return new NextRun(byInterval, Optional.empty());
        }
        Optional<NextSchedule> next = next(end);
        if (next.isPresent() && (!allowsIntervalRunAt(byInterval) || next.get().when().isBefore(byInterval))) {
            return new NextRun(next.get().when(), next);
        }
        return new NextRun(byInterval, Optional.empty());
    }

    /** When an object is due next, and the schedule that made it so (none: the interval did). */
    public record NextRun(Instant at, Optional<NextSchedule> schedule) {
    }
}
