package dev.rset.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code @every <duration>}: fires {@code delay} after any instant (whole seconds; at least one
 * second), so it has no fixed phase: the previous trigger of "now" is now itself, in whole seconds.
 */
record EveryCron(Duration delay) implements CronExpression {
    EveryCron {
        if (delay.compareTo(Duration.ofSeconds(1)) < 0) {
            delay = Duration.ofSeconds(1);
        }
        delay = delay.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public Optional<Instant> next(Instant after) {
        return Optional.of(after.truncatedTo(ChronoUnit.SECONDS).plus(delay));
    }

    @Override
    public Optional<Instant> previous(Instant atOrBefore) {
        // The latest next(x) not after atOrBefore, for an x within the look-back.
        if (delay.compareTo(LOOK_BACK) > 0) {
            return Optional.empty();
        }
        return Optional.of(atOrBefore.minus(delay).truncatedTo(ChronoUnit.SECONDS).plus(delay));
    }
}
