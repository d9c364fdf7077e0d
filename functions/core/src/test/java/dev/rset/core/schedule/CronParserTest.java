package dev.rset.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronParserTest {
    static Instant at(String t) {
        return Instant.parse(t);
    }

    static Instant next(String cron, String zone, String after) {
        return dev.rset.core.schedule.CronParser.parse(cron, zone).next(at(after)).orElseThrow();
    }

    static Instant previous(String cron, String zone, String now) {
        return dev.rset.core.schedule.CronParser.parse(cron, zone).previous(at(now)).orElseThrow();
    }

    @ParameterizedTest(name = "{0} after {2}")
    @CsvSource(delimiter = '|', value = {
            "0 5 * * *         | UTC | 2026-11-27T04:59:59Z | 2026-11-27T05:00:00Z",
            "0 5 * * *         | UTC | 2026-11-27T05:00:00Z | 2026-11-28T05:00:00Z",
            "*/15 9-17 * * mon-fri | UTC | 2026-11-27T17:50:00Z | 2026-11-30T09:00:00Z",
            "0 0 29 2 *        | UTC | 2025-01-01T12:00:00Z | 2028-02-29T00:00:00Z",
            "@hourly           | UTC | 2026-11-27T10:00:00Z | 2026-11-27T11:00:00Z",
            "@daily            | Europe/London | 2026-07-01T12:00:00Z | 2026-07-01T23:00:00Z",
            "@weekly           | UTC | 2026-11-27T00:00:00Z | 2026-11-29T00:00:00Z",
            "@monthly          | UTC | 2026-11-27T00:00:00Z | 2026-12-01T00:00:00Z",
            "@yearly           | UTC | 2026-11-27T00:00:00Z | 2027-01-01T00:00:00Z",
            "@every 1h         | UTC | 2026-11-27T10:20:30.5Z | 2026-11-27T11:20:30Z",
            "@every 500ms      | UTC | 2026-11-27T10:20:30Z | 2026-11-27T10:20:31Z",
            "0 0 1 * mon       | UTC | 2026-11-27T00:00:00Z | 2026-11-30T00:00:00Z",
            "0 0 */10 * mon    | UTC | 2026-11-27T00:00:00Z | 2026-11-30T00:00:00Z",
            "0 0 1,15 * ?      | UTC | 2026-11-27T00:00:00Z | 2026-12-01T00:00:00Z",
            "30 4 5/10 JAN,Jul *  | UTC | 2026-11-27T00:00:00Z | 2027-01-05T04:30:00Z",
            "0 9 * * *         | America/New_York | 2026-03-07T15:00:00Z | 2026-03-08T13:00:00Z",
            "0 9 * * *         | America/New_York | 2026-10-31T14:00:00Z | 2026-11-01T14:00:00Z",
    })
    void nextTriggerAsRobfigComputesIt(String cron, String zone, String after, String expected) {
        assertEquals(at(expected), next(cron.strip(), zone.strip(), after.strip()));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', value = {
            // The Flux Operator's own expectations of GetPrevAndNextTriggers.
            "0 0 29 2 * | 2025-01-01T12:00:00Z | 2024-02-29T00:00:00Z | 2028-02-29T00:00:00Z",
            "0 0 29 2 * | 2024-02-29T00:00:00Z | 2024-02-29T00:00:00Z | 2028-02-29T00:00:00Z",
            "0 0 29 2 * | 2028-02-28T23:59:59Z | 2024-02-29T00:00:00Z | 2028-02-29T00:00:00Z",
            "0 * * * *  | 2025-01-01T12:00:00Z | 2025-01-01T12:00:00Z | 2025-01-01T13:00:00Z",
            "0 * * * *  | 2025-01-01T12:00:01Z | 2025-01-01T12:00:00Z | 2025-01-01T13:00:00Z",
            "0 * * * *  | 2025-01-01T11:59:59Z | 2025-01-01T11:00:00Z | 2025-01-01T12:00:00Z",
            "@every 10m | 2025-01-01T11:59:59.9Z | 2025-01-01T11:59:59Z | 2025-01-01T12:09:59Z",
    })
    void previousAndNextTriggers(String cron, String now, String prev, String next) {
        assertEquals(at(prev), previous(cron.strip(), "UTC", now.strip()));
        assertEquals(at(next), next(cron.strip(), "UTC", now.strip()));
    }

    @Test
    void aTimeInTheSpringForwardGapDoesNotExistThatDay() {
        // Europe/London, 2026-03-29: 01:00 GMT becomes 02:00 BST; 01:30 is skipped that day.
        assertEquals(at("2026-03-30T00:30:00Z"), next("30 1 * * *", "Europe/London", "2026-03-28T12:00:00Z"));
        assertEquals(at("2026-03-28T01:30:00Z"), previous("30 1 * * *", "Europe/London", "2026-03-29T23:00:00Z"));
        // America/New_York, 2026-03-08: 02:00 EST becomes 03:00 EDT.
        assertEquals(at("2026-03-09T06:30:00Z"), next("30 2 * * *", "America/New_York", "2026-03-08T00:00:00Z"));
    }

    @Test
    void aTimeInTheRepeatedFallBackHourFiresTwice() {
        // Europe/London, 2026-10-25: 02:00 BST becomes 01:00 GMT; 01:30 happens at 00:30Z and 01:30Z.
        assertEquals(at("2026-10-25T00:30:00Z"), next("30 1 * * *", "Europe/London", "2026-10-24T12:00:00Z"));
        assertEquals(at("2026-10-25T01:30:00Z"), next("30 1 * * *", "Europe/London", "2026-10-25T00:30:00Z"));
        assertEquals(at("2026-10-26T01:30:00Z"), next("30 1 * * *", "Europe/London", "2026-10-25T01:30:00Z"));
        assertEquals(at("2026-10-25T00:30:00Z"), previous("30 1 * * *", "Europe/London", "2026-10-25T01:29:59Z"));
        // America/New_York, 2026-11-01: 02:00 EDT becomes 01:00 EST.
        assertEquals(at("2026-11-01T05:30:00Z"), next("30 1 * * *", "America/New_York", "2026-11-01T04:00:00Z"));
        assertEquals(at("2026-11-01T06:30:00Z"), next("30 1 * * *", "America/New_York", "2026-11-01T05:30:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kljlkajs     | UTC | cron | failed to parse cron spec 'kljlkajs' with timezone 'UTC': expected exactly 5 fields, found 1: [kljlkajs]",
            "0 0 5 * * *  | UTC | cron | failed to parse cron spec '0 0 5 * * *' with timezone 'UTC': expected exactly 5 fields, found 6: [0 0 5 * * *]",
            "0 25 * * *   | UTC | cron | failed to parse cron spec '0 25 * * *' with timezone 'UTC': end of range (25) above maximum (23): 25",
            "0 0 * * 7    | UTC | cron | failed to parse cron spec '0 0 * * 7' with timezone 'UTC': end of range (7) above maximum (6): 7",
            "0 0 0 * *    | UTC | cron | failed to parse cron spec '0 0 0 * *' with timezone 'UTC': beginning of range (0) below minimum (1): 0",
            "0 5-2 * * *  | UTC | cron | failed to parse cron spec '0 5-2 * * *' with timezone 'UTC': beginning of range (5) beyond end of range (2): 5-2",
            "*/0 * * * *  | UTC | cron | failed to parse cron spec '*/0 * * * *' with timezone 'UTC': step of range should be a positive number: */0",
            "1-2-3 * * * * | UTC | cron | failed to parse cron spec '1-2-3 * * * *' with timezone 'UTC': too many hyphens: 1-2-3",
            "x * * * *    | UTC | cron | failed to parse cron spec 'x * * * *' with timezone 'UTC': failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
            "@fortnightly | UTC | cron | failed to parse cron spec '@fortnightly' with timezone 'UTC': unrecognized descriptor: @fortnightly",
            "@every 1d    | UTC | cron | failed to parse cron spec '@every 1d' with timezone 'UTC': failed to parse duration @every 1d: time: unknown unit \"d\" in duration \"1d\"",
            "0 5 * * *    | Mars/Olympus | timeZone | failed to parse cron spec '0 5 * * *' with timezone 'Mars/Olympus': provided bad location Mars/Olympus: unknown time zone Mars/Olympus",
            "0 5 * * *    | +01:00 | timeZone | failed to parse cron spec '0 5 * * *' with timezone '+01:00': provided bad location +01:00: unknown time zone +01:00",
    })
    void invalidSpecsFailWithRobfigsWordsAndTheFieldAtFault(String cron, String zone, String field, String message) {
        ScheduleException e = assertThrows(ScheduleException.class,
                () -> dev.rset.core.schedule.CronParser.parse(cron.strip(), zone.strip()));
        assertEquals(message, e.getMessage());
        assertEquals(field, e.field());
    }

    @Test
    void aScheduleThatNeverFiresHasNoNextTrigger() {
        assertEquals(Optional.empty(), dev.rset.core.schedule.CronParser.parse("0 0 30 2 *", "UTC").next(at("2026-01-01T00:00:00Z")));
    }

    /**
     * cron-utils evaluates the same five fields independently; in UTC (no daylight saving) the two
     * must agree. Day fields: one of them is {@code *}, where every cron dialect agrees (Vixie cron
     * and robfig/cron read {@code *}{@code /2} differently when both are restricted).
     */
    @Test
    void agreesWithCronUtilsOnRandomExpressionsInUtc() {
        CronParser oracle = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        Random random = new Random(20261127L);
        int compared = 0;
        for (int i = 0; i < 400; i++) {
            boolean restrictDom = random.nextBoolean();
            String cron = String.join(" ", field(random, 0, 59), field(random, 0, 23),
                    restrictDom ? field(random, 1, 28) : "*", field(random, 1, 12),
                    restrictDom ? "*" : field(random, 0, 6));
            ExecutionTime expected = ExecutionTime.forCron(oracle.parse(cron));
            CronExpression ours = dev.rset.core.schedule.CronParser.parse(cron, "UTC");
            ZonedDateTime from = ZonedDateTime.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), 0, ZoneOffset.UTC);
            Optional<Instant> theirs = expected.nextExecution(from).map(ZonedDateTime::toInstant);
            assertEquals(theirs, ours.next(from.toInstant()), cron + " after " + from);
            Optional<Instant> theirsBefore = expected.lastExecution(from.plusSeconds(1)).map(ZonedDateTime::toInstant);
            assertEquals(theirsBefore, ours.previous(from.toInstant()), cron + " at or before " + from);
            compared++;
        }
        assertEquals(400, compared);
    }

    private static String field(Random r, int min, int max) {
        return switch (r.nextInt(5)) {
            case 0 -> "*";
            case 1 -> Integer.toString(min + r.nextInt(max - min + 1));
            case 2 -> {
                int a = min + r.nextInt(max - min + 1);
                yield a + "-" + (a + r.nextInt(max - a + 1));
            }
            case 3 -> "*/" + (1 + r.nextInt(Math.max(1, (max - min) / 2)));
            default -> (min + r.nextInt(max - min + 1)) + "," + (min + r.nextInt(max - min + 1));
        };
    }

    @Test
    void parsesEveryDescriptorInAnyZone() {
        for (String d : new String[] {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}) {
            assertTrue(dev.rset.core.schedule.CronParser.parse(d, "Asia/Tokyo").next(at("2026-01-01T00:00:00Z")).isPresent(), d);
        }
    }
}
