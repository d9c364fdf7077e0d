package dev.rset.core.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GoDurationsTest {
    @Test
    void readsGoDurations() {
        assertEquals(Duration.ofMinutes(5), GoDurations.parse("5m"));
        assertEquals(Duration.ofMinutes(90), GoDurations.parse("1h30m"));
        assertEquals(Duration.ofMillis(1500), GoDurations.parse("1.5s"));
        assertEquals(Duration.ofMillis(300), GoDurations.parse("300ms"));
        assertEquals(Duration.ZERO, GoDurations.parse("0"));
        assertEquals(Duration.ZERO, GoDurations.parse("0s"));
        assertEquals(Duration.ofSeconds(-2), GoDurations.parse("-2s"));
    }

    /** Go 1.26's {@code time.ParseDuration} errors, word for word. */
    @Test
    void refusesWhatGoRefusesWithGoWording() {
        Map<String, String> goErrors = new LinkedHashMap<>();
        goErrors.put("", "time: invalid duration \"\"");
        goErrors.put("5", "time: missing unit in duration \"5\"");
        goErrors.put("m", "time: invalid duration \"m\"");
        goErrors.put("5 m", "time: unknown unit \" m\" in duration \"5 m\"");
        goErrors.put("1h 2m", "time: unknown unit \"h \" in duration \"1h 2m\"");
        goErrors.put("1d", "time: unknown unit \"d\" in duration \"1d\"");
        goErrors.put(".s", "time: invalid duration \".s\"");
        goErrors.put("-", "time: invalid duration \"-\"");
        goErrors.put("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"");
        goErrors.forEach((bad, go) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDurations.parse(bad));
            assertEquals(go, e.getMessage(), bad);
        });
        assertEquals(Optional.empty(), GoDurations.tryParse("1d"));
        assertEquals(Optional.empty(), GoDurations.tryParse(null));
        assertEquals(Optional.of(Duration.ofMinutes(2)), GoDurations.tryParse("2m"));
    }

    @Test
    void printsLikeGo() {
        assertEquals("5m0s", GoDurations.format(Duration.ofMinutes(5)));
        assertEquals("1h30m0s", GoDurations.format(Duration.ofMinutes(90)));
        assertEquals("1.5s", GoDurations.format(Duration.ofMillis(1500)));
        assertEquals("1m0.25s", GoDurations.format(Duration.ofMillis(60_250)));
        assertEquals("250ms", GoDurations.format(Duration.ofMillis(250)));
        assertEquals("0s", GoDurations.format(Duration.ZERO));
        assertEquals("1.5µs", GoDurations.format(Duration.ofNanos(1500)));
        assertEquals("-2s", GoDurations.format(Duration.ofSeconds(-2)));
    }
}
