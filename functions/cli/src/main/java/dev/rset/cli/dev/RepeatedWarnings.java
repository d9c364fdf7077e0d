package dev.rset.cli.dev;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Lets a warning through once per {@code quiet} period when it repeats word for word: a provider
 * whose poll keeps failing for the same reason (no token) would otherwise print the same line at
 * every retry. The object's status keeps showing it ({@code rset get rsip}); {@code -v} shows
 * every line.
 */
final class RepeatedWarnings implements Filter {
    private static final int REMEMBERED = 1_000;

    private final Duration quiet;
    private final Formatter text;
    private final Map<String, Instant> lastShown = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    RepeatedWarnings(Duration quiet, Formatter text) {
        this.quiet = quiet;
        this.text = text;
    }

    @Override
    public synchronized boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() < Level.WARNING.intValue()) {
            return true;
        }
        String key = record.getLevel() + " " + record.getLoggerName() + " " + text.formatMessage(record);
        Instant at = record.getInstant();
        Instant shown = lastShown.get(key);
        if (shown != null && at.isBefore(shown.plus(quiet))) {
            return false;
        }
        lastShown.put(key, at);
        return true;
    }
}
