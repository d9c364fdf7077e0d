package dev.rset.core.template.sprig;

import dev.rset.core.gotypes.GoKind;
import dev.rset.core.gotypes.GoValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A Go {@code time.Time}: an instant plus the zone it is shown in (an offset and an abbreviation,
 * empty for a fabricated zone). Prints like {@code Time.String()}; times here never carry a
 * monotonic clock reading, so no {@code m=} suffix.
 */
record GoTime(long epochSecond, int nano, int offsetSeconds, String zoneName) implements GoValue {
    /** Go's zero time, {@code 0001-01-01 00:00:00 +0000 UTC}, which toDate returns on failure. */
    static final GoTime ZERO = new GoTime(LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC), 0, 0, "UTC");

    static GoTime ofInstant(Instant i) {
        return new GoTime(i.getEpochSecond(), i.getNano(), 0, "UTC");
    }

    Instant instant() {
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    /** {@code t.Add(d)}, keeping the zone. */
    GoTime plus(GoDuration d) {
        Instant i = instant().plusNanos(d.nanos());
        return new GoTime(i.getEpochSecond(), i.getNano(), offsetSeconds, zoneName);
    }

    /** {@code time.Since(t)} at {@code now}, saturating like {@code Time.Sub}. */
    GoDuration until(Instant now) {
        java.math.BigInteger ns = java.math.BigInteger.valueOf(now.getEpochSecond() - epochSecond)
                .multiply(java.math.BigInteger.valueOf(1_000_000_000L))
                .add(java.math.BigInteger.valueOf(now.getNano() - nano));
        if (ns.bitLength() >= 64) {
            return new GoDuration(ns.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        return new GoDuration(ns.longValue());
    }

    @Override
    public String goTypeName() {
        return "time.Time";
    }

    @Override
    public GoKind goKind() {
        return GoKind.STRUCT;
    }

    /** {@code Time.String()}: layout {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
    @Override
    public String goString() {
        LocalDateTime local = LocalDateTime.ofEpochSecond(epochSecond, nano, ZoneOffset.ofTotalSeconds(offsetSeconds));
        StringBuilder sb = new StringBuilder();
        int year = local.getYear();
        if (year < 0) {
            sb.append('-');
        }
        sb.append(String.format("%04d-%02d-%02d %02d:%02d:%02d", Math.abs(year), local.getMonthValue(),
                local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond()));
        if (nano != 0) {
            sb.append('.').append(String.format("%09d", nano).replaceAll("0+$", ""));
        }
        sb.append(' ').append(offset(offsetSeconds)).append(' ');
        sb.append(zoneName.isEmpty() ? offset(offsetSeconds) : zoneName);
        return sb.toString();
    }

    private static String offset(int seconds) {
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", minutes / 60, minutes % 60);
    }

    @Override
    public String toString() {
        return goString();
    }
}
