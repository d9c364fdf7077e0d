package dev.rset.cli.dev;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class RepeatedWarningsTest {
    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");
    private final RepeatedWarnings filter = new RepeatedWarnings(Duration.ofHours(1), new SimpleFormatter());

    private static LogRecord record(Level level, Instant at, String detail) {
        LogRecord r = new LogRecord(level, "{0}: POLL_FAILED {1}");
        r.setLoggerName("dev.rset.scheduler.SchedulerHandler");
        r.setParameters(new Object[] {"ResourceSetInputProvider apps/podinfo-prs", detail});
        r.setInstant(at);
        return r;
    }

    @Test
    void aWarningRepeatedWordForWordIsShownOncePerQuietPeriod() {
        String secret = "SecretNotFound: spec.secretRef: secret apps/github-api-token not found";
        assertTrue(filter.isLoggable(record(Level.WARNING, T0, secret)));
        assertFalse(filter.isLoggable(record(Level.WARNING, T0.plus(Duration.ofMinutes(10)), secret)));
        assertFalse(filter.isLoggable(record(Level.WARNING, T0.plus(Duration.ofMinutes(59)), secret)));
        assertTrue(filter.isLoggable(record(Level.WARNING, T0.plus(Duration.ofMinutes(60)), secret)));
        assertFalse(filter.isLoggable(record(Level.WARNING, T0.plus(Duration.ofMinutes(70)), secret)));
    }

    @Test
    void anotherMessageOrAnInfoLineIsNeverHeldBack() {
        assertTrue(filter.isLoggable(record(Level.WARNING, T0, "SecretNotFound: a")));
        assertTrue(filter.isLoggable(record(Level.WARNING, T0, "NotFound: repository example-org/podinfo")));
        assertTrue(filter.isLoggable(record(Level.SEVERE, T0, "SecretNotFound: a")));
        assertTrue(filter.isLoggable(record(Level.INFO, T0, "INPUTS_UNCHANGED")));
        assertTrue(filter.isLoggable(record(Level.INFO, T0, "INPUTS_UNCHANGED")));
    }
}
