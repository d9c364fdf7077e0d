package dev.rset.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * A five-field cron expression in a time zone. Each field is a bit set (bit n: value n allowed).
 * It fires at every instant, at second 0, whose wall-clock time in {@code zone} matches the
 * fields. Across daylight saving changes that means what robfig/cron's stepping means: a time in
 * the gap of a spring-forward night does not exist, so that day has no trigger at it; a time in
 * the repeated hour of a fall-back night exists twice, so it fires twice.
 *
 * <p>Days: when either day field was written starting with {@code *} or {@code ?} (a step over
 * it, {@code *}{@code /2}, does not count), a day must match both; otherwise either.
 */
record FieldCron(long minutes, long hours, long daysOfMonth, long months, long daysOfWeek, boolean anyDayOfMonth,
        boolean anyDayOfWeek, ZoneId zone) implements CronExpression {

    @Override
    public Optional<Instant> next(Instant after) {
        ZoneRules rules = zone.getRules();
        LocalDate day = after.atZone(zone).toLocalDate();
        LocalDate last = LocalDate.of(day.getYear() + 5, 12, 31);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!firesOn(day)) {
                continue;
            }
            Instant best = null;
            boolean shifts = hasTransition(rules, day);
            for (int h = 0; h < 24 && (best == null || shifts); h++) {
                if (!bit(hours, h)) {
                    continue;
                }
                for (int m = 0; m < 60; m++) {
                    if (!bit(minutes, m)) {
                        continue;
                    }
                    for (Instant t : instants(rules, LocalDateTime.of(day, LocalTime.of(h, m)))) {
                        if (t.isAfter(after) && (best == null || t.isBefore(best))) {
                            best = t;
                        }
                    }
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Instant> previous(Instant atOrBefore) {
        ZoneRules rules = zone.getRules();
        Instant earliest = atOrBefore.minus(LOOK_BACK);
        LocalDate day = atOrBefore.atZone(zone).toLocalDate();
        LocalDate first = earliest.atZone(zone).toLocalDate();
        for (; !day.isBefore(first); day = day.minusDays(1)) {
            if (!firesOn(day)) {
                continue;
            }
            Instant best = null;
            boolean shifts = hasTransition(rules, day);
            for (int h = 23; h >= 0 && (best == null || shifts); h--) {
                if (!bit(hours, h)) {
                    continue;
                }
                for (int m = 59; m >= 0; m--) {
                    if (!bit(minutes, m)) {
                        continue;
                    }
                    for (Instant t : instants(rules, LocalDateTime.of(day, LocalTime.of(h, m)))) {
                        if (!t.isAfter(atOrBefore) && t.isAfter(earliest) && (best == null || t.isAfter(best))) {
                            best = t;
                        }
                    }
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    boolean firesOn(LocalDate day) {
        if (!bit(months, day.getMonthValue())) {
            return false;
        }
        boolean dom = bit(daysOfMonth, day.getDayOfMonth());
        boolean dow = bit(daysOfWeek, day.getDayOfWeek().getValue() % 7);
        return anyDayOfMonth || anyDayOfWeek ? dom && dow : dom || dow;
    }

    /** The instants showing this wall-clock time: none in a gap, two in an overlap. */
    private static List<Instant> instants(ZoneRules rules, LocalDateTime local) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return List.of(local.toInstant(offsets.get(0)));
        }
        return offsets.stream().map(local::toInstant).toList();
    }

    /**
     * Whether the zone changes offset during this day: only then can a later wall-clock time be an
     * earlier instant, so the search of the day cannot stop at the first match.
     */
    private static boolean hasTransition(ZoneRules rules, LocalDate day) {
        Instant start = day.atStartOfDay().toInstant(ZoneOffset.ofHours(18));
        ZoneOffsetTransition next = rules.nextTransition(start);
        return next != null && next.getInstant().isBefore(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofHours(-18)));
    }

    private static boolean bit(long set, int n) {
        return (set & (1L << n)) != 0;
    }
}
