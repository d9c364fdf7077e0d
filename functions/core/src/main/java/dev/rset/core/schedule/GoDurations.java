package dev.rset.core.schedule;

import dev.rset.core.template.FunctionException;
import dev.rset.core.template.sprig.GoDuration;
import java.time.Duration;
import java.util.Optional;

/** Go {@code time.ParseDuration} and {@code Duration.String()} for schedule fields and annotations. */
final class GoDurations {
    private GoDurations() {
    }

    /** Throws with Go's error text ({@code time: invalid duration "x"}) when Go would refuse the text. */
    static Duration parse(String text) throws FunctionException {
        return Duration.ofNanos(GoDuration.parse(text).nanos());
    }

    /** Empty when Go would refuse the text (or there is none). */
    static Optional<Duration> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (FunctionException e) {
            return Optional.empty();
        }
    }

    /** As Go prints a duration: {@code 1h0m0s}, {@code 2m30s}, {@code 0s}. */
    static String format(Duration d) {
        return new GoDuration(d.toNanos()).toString();
    }
}
