package dev.rset.core.api;

/** One of {@code spec.schedule}: a cron expression, its time zone and a delivery window. */
public record Schedule(String cron, String timeZone, String window) {
    static Schedule read(Fields f) {
        String tz = f.string("timeZone");
        return new Schedule(f.requiredString("cron"), tz.isEmpty() ? "UTC" : tz, f.string("window"));
    }
}
