package dev.rset.core.api;

import dev.rset.core.template.FunctionException;
import dev.rset.core.template.sprig.GoDuration;
import java.time.Duration;
import java.util.Optional;

/**
 * Go's {@code time.ParseDuration} and {@code Duration.String()} for the durations users write in
 * annotations and specs ({@code 5m}, {@code 1h30m}): the template engine's {@link GoDuration}, the
 * one Go-compatible implementation, with {@link Duration} on the Java side.
 */
public final class GoDurations {
    private GoDurations() {
    }

    /**
     * Throws {@link IllegalArgumentException} with Go's error text
     * ({@code time: unknown unit "d" in duration "1d"}).
     */
    public static Duration parse(String text) {
        try {
            return Duration.ofNanos(GoDuration.parse(text).nanos());
        } catch (FunctionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Empty when Go would refuse the text (or there is none). */
    public static Optional<Duration> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** As Go prints a duration: {@code 5m0s}, {@code 1h30m0s}, {@code 1.5s}, {@code 250ms}, {@code 0s}. */
    public static String format(Duration d) {
        return new GoDuration(d.toNanos()).toString();
    }
}
