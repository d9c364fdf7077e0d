package dev.rset.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A parsed cron expression: the instants it fires at. The Flux Operator evaluates schedules with
 * robfig/cron v3, and these follow its rules: triggers are whole seconds, {@link #next} is the
 * first one strictly after the given instant (none past five years), and a previous trigger is
 * looked for at most {@link #LOOK_BACK} back.
 */
public sealed interface CronExpression permits FieldCron, EveryCron {
    /** How far back a previous trigger may be: five years, because of schedules such as 29 February. */
    Duration LOOK_BACK = Duration.ofDays(5 * 365);

    /** The first trigger strictly after {@code after}; empty when there is none within five years. */
    Optional<Instant> next(Instant after);

    /** The latest trigger at or before {@code atOrBefore}, no more than {@link #LOOK_BACK} before it. */
    Optional<Instant> previous(Instant atOrBefore);
}
