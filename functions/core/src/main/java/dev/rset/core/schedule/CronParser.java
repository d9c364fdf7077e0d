package dev.rset.core.schedule;

import dev.rset.core.api.GoDurations;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code spec.schedule[].cron} as the Flux Operator does: robfig/cron v3's parser with the
 * five standard fields (minute, hour, day of month, month, day of week) and descriptors
 * ({@code @yearly @annually @monthly @weekly @daily @midnight @hourly}, {@code @every 1h30m}),
 * evaluated in {@code timeZone}. Field syntax: {@code *}, {@code ?}, numbers, names for months
 * ({@code jan}…) and days of week ({@code sun}…, any case), ranges {@code a-b}, steps {@code /n}
 * ({@code n/s} means {@code n-max/s}), lists with {@code ,}. Error texts are robfig's, wrapped as
 * the Flux Operator wraps them.
 */
public final class CronParser {
    private record Bounds(int min, int max, Map<String, Integer> names) {
    }

    private static final Bounds MINUTE = new Bounds(0, 59, Map.of());
    private static final Bounds HOUR = new Bounds(0, 23, Map.of());
    private static final Bounds DAY_OF_MONTH = new Bounds(1, 31, Map.of());
    private static final Bounds MONTH = new Bounds(1, 12, Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12)));
    private static final Bounds DAY_OF_WEEK = new Bounds(0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3,
            "thu", 4, "fri", 5, "sat", 6));
    /** Set in a field's bits when it was written as {@code *} or {@code ?}: it matters for the day rule. */
    private static final long STAR = 1L << 63;

    private CronParser() {
    }

    /**
     * The schedule {@code cron} in {@code timeZone} (empty: UTC). Throws {@link ScheduleException}
     * with Flux's text, e.g. {@code failed to parse cron spec '0 25 * * *' with timezone 'UTC':
     * end of range (25) above maximum (23): 25}; its field says whether the zone or the cron is at fault.
     */
    public static CronExpression parse(String cron, String timeZone) {
        String spec = timeZone.isEmpty() ? cron : "CRON_TZ=" + timeZone + " " + cron;
        try {
            return parseSpec(spec);
        } catch (ScheduleException e) {
            String where = timeZone.isEmpty() ? "failed to parse cron spec '" + cron + "'"
                    : "failed to parse cron spec '" + cron + "' with timezone '" + timeZone + "'";
            throw new ScheduleException(e.field(), where + ": " + e.getMessage());
        }
    }

    private static CronExpression parseSpec(String spec) {
        if (spec.isEmpty()) {
            throw new ScheduleException("cron", "empty spec string");
        }
        ZoneId zone = java.time.ZoneOffset.UTC;
        if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
            int space = spec.indexOf(' ');
            String name = spec.substring(spec.indexOf('=') + 1, space < 0 ? spec.length() : space);
            try {
                zone = Zones.load(name);
            } catch (ScheduleException e) {
                throw new ScheduleException("timeZone", "provided bad location " + name + ": " + e.getMessage());
            }
            spec = space < 0 ? "" : spec.substring(space).strip();
        }
        if (spec.startsWith("@")) {
            return descriptor(spec, zone);
        }
        List<String> fields = Arrays.stream(spec.strip().split("\\s+")).filter(f -> !f.isEmpty()).toList();
        if (fields.size() != 5) {
            throw new ScheduleException("cron", "expected exactly 5 fields, found " + fields.size() + ": "
                    + "[" + String.join(" ", fields) + "]");
        }
        long dom = field(fields.get(2), DAY_OF_MONTH);
        long dow = field(fields.get(4), DAY_OF_WEEK);
        return new FieldCron(field(fields.get(0), MINUTE), field(fields.get(1), HOUR), dom,
                field(fields.get(3), MONTH), dow, (dom & STAR) != 0, (dow & STAR) != 0, zone);
    }

    private static CronExpression descriptor(String spec, ZoneId zone) {
        long all = ~0L;
        return switch (spec) {
            case "@yearly", "@annually" -> new FieldCron(1L, 1L, 1L << 1, 1L << 1, all, false, true, zone);
            case "@monthly" -> new FieldCron(1L, 1L, 1L << 1, all, all, false, true, zone);
            case "@weekly" -> new FieldCron(1L, 1L, all, all, 1L, true, false, zone);
            case "@daily", "@midnight" -> new FieldCron(1L, 1L, all, all, all, true, true, zone);
            case "@hourly" -> new FieldCron(1L, all, all, all, all, true, true, zone);
            default -> {
                String every = "@every ";
                if (!spec.startsWith(every)) {
                    throw new ScheduleException("cron", "unrecognized descriptor: " + spec);
                }
                try {
                    yield new EveryCron(GoDurations.parse(spec.substring(every.length())));
                } catch (IllegalArgumentException e) {
                    throw new ScheduleException("cron", "failed to parse duration " + spec + ": " + e.getMessage());
                }
            }
        };
    }

    /** A comma-separated list of ranges, as bits. */
    private static long field(String text, Bounds bounds) {
        long bits = 0;
        for (String range : text.split(",", -1)) {
            bits |= range(range, bounds);
        }
        return bits;
    }

    private static long range(String expr, Bounds b) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        boolean single = lowAndHigh.length == 1;
        long start;
        long end;
        long extra = 0;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            start = b.min();
            end = b.max();
            extra = STAR;
        } else {
            start = intOrName(lowAndHigh[0], b);
            switch (lowAndHigh.length) {
                case 1 -> end = start;
                case 2 -> end = intOrName(lowAndHigh[1], b);
                default -> throw new ScheduleException("cron", "too many hyphens: " + expr);
            }
        }
        long step;
        switch (rangeAndStep.length) {
            case 1 -> step = 1;
            case 2 -> {
                step = number(rangeAndStep[1]);
                if (single) {
                    end = b.max();
                }
                if (step > 1) {
                    extra = 0;
                }
            }
            default -> throw new ScheduleException("cron", "too many slashes: " + expr);
        }
        if (start < b.min()) {
            throw new ScheduleException("cron", "beginning of range (" + start + ") below minimum (" + b.min() + "): "
                    + expr);
        }
        if (end > b.max()) {
            throw new ScheduleException("cron", "end of range (" + end + ") above maximum (" + b.max() + "): " + expr);
        }
        if (start > end) {
            throw new ScheduleException("cron", "beginning of range (" + start + ") beyond end of range (" + end
                    + "): " + expr);
        }
        if (step == 0) {
            throw new ScheduleException("cron", "step of range should be a positive number: " + expr);
        }
        long bits = 0;
        for (long i = start; i <= end; i += step) {
            bits |= 1L << i;
        }
        return bits | extra;
    }

    private static long intOrName(String expr, Bounds b) {
        Integer named = b.names().get(expr.toLowerCase(Locale.ROOT));
        return named != null ? named : number(expr);
    }

    /** A non-negative decimal as Go's strconv.Atoi reads it (an optional sign, then digits). */
    private static long number(String expr) {
        long value;
        try {
            if (expr.isEmpty() || !expr.matches("[+-]?[0-9]+")) {
                throw new NumberFormatException();
            }
            value = Long.parseLong(expr);
        } catch (NumberFormatException e) {
            throw new ScheduleException("cron", "failed to parse int from " + expr + ": strconv.Atoi: parsing "
                    + goQuote(expr) + ": " + (expr.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
        }
        if (value < 0) {
            throw new ScheduleException("cron", "negative number (" + value + ") not allowed: " + expr);
        }
        return value;
    }

    private static String goQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
