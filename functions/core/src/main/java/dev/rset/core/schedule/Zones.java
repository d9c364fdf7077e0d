package dev.rset.core.schedule;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Time zones as Go's {@code time.LoadLocation} finds them: IANA names from the zone database,
 * {@code UTC} (and the empty name), and {@code Local}, which is UTC where these functions run.
 * Java's own offset forms ({@code +01:00}, {@code GMT+1}) are refused: Go does not know them.
 */
final class Zones {
    private static final Set<String> IANA = ZoneId.getAvailableZoneIds();

    private Zones() {
    }

    static ZoneId load(String name) {
        if (name.isEmpty() || name.equals("UTC") || name.equals("Local")) {
            return ZoneOffset.UTC;
        }
        if (!IANA.contains(name)) {
            throw new ScheduleException("timeZone", "unknown time zone " + name);
        }
        return ZoneId.of(name);
    }
}
