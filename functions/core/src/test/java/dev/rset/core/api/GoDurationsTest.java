package dev.rset.core.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

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

    @Test
    void refusesWhatGoRefusesWithGoWording() {
        for (String bad : new String[] {"", "5", "m", "5 m", "1h 2m", "1d", ".s", "-"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDurations.parse(bad));
            assertEquals("time: invalid duration \"" + bad + "\"", e.getMessage());
        }
    }

    @Test
    void printsLikeGo() {
        assertEquals("5m0s", GoDurations.format(Duration.ofMinutes(5)));
        assertEquals("1h30m0s", GoDurations.format(Duration.ofMinutes(90)));
        assertEquals("1.5s", GoDurations.format(Duration.ofMillis(1500)));
        assertEquals("1m0.25s", GoDurations.format(Duration.ofMillis(60_250)));
        assertEquals("250ms", GoDurations.format(Duration.ofMillis(250)));
        assertEquals("0s", GoDurations.format(Duration.ZERO));
    }
}
