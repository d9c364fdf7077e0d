package dev.rset.forge.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the timestamps forges put in payloads: ISO-8601 with an offset ({@code 2019-05-15T15:20:33Z},
 * {@code 2022-03-09T16:31:06+09:00}, seven fraction digits from Azure DevOps), GitLab's
 * {@code 2013-12-03 17:23:34 UTC}, and GitHub's epoch seconds in push events.
 */
public final class EventTimes {
    private EventTimes() {
    }

    /** The instant a field holds, or null when it is absent or in no known format. */
    public static Instant read(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return Instant.ofEpochSecond(v.asLong());
        }
        return v.isTextual() ? parse(v.asText()) : null;
    }

    public static Instant parse(String s) {
        String t = s.trim();
        if (t.endsWith(" UTC")) {
            t = t.substring(0, t.length() - 4).replace(' ', 'T') + "Z";
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first of {@code candidates} that is set, else {@code fallback} (the time the delivery arrived). */
    public static Instant firstOf(Instant fallback, Instant... candidates) {
        for (Instant c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return fallback;
    }
}
