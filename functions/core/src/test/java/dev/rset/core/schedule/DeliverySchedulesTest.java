package dev.rset.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Windows and several schedules, on a fixed clock (each test names its instants). */
class DeliverySchedulesTest {
    static final Duration RSIP_TIMEOUT = Duration.ofMinutes(2);
    static final Duration RSET_TIMEOUT = Duration.ofMinutes(5);

    static Instant at(String t) {
        return Instant.parse(t);
    }

    static DeliverySchedules schedules(Duration timeout, Schedule... s) {
        return DeliverySchedules.of(List.of(s), timeout);
    }

    @Test
    void aWindowAcrossMidnightOpensAtTheTriggerAndClosesATimeoutBeforeItsEnd() {
        // 23:00 for 3 h: runs may start until 02:00 - 5 min.
        DeliverySchedules s = schedules(RSET_TIMEOUT, new Schedule("0 23 * * *", "UTC", "3h"));
        assertFalse(s.allowsRunAt(at("2026-11-27T22:59:59Z")));
        assertTrue(s.allowsRunAt(at("2026-11-27T23:00:00Z")));
        assertTrue(s.allowsRunAt(at("2026-11-28T00:30:00Z")), "after midnight, still the window of the 27th");
        assertTrue(s.allowsRunAt(at("2026-11-28T01:54:59Z")));
        assertFalse(s.allowsRunAt(at("2026-11-28T01:55:00Z")), "a run started now would end at 02:00, the window's end");
        assertEquals(Optional.of(at("2026-11-28T23:00:00Z")), s.next(at("2026-11-28T01:55:00Z")).map(NextSchedule::when));
    }

    @Test
    void aWindowOverTheSpringForwardNightInLondonIsAnElapsedDuration() {
        // 00:30 local for 2 h on 2026-03-29: 00:30 GMT (00:30Z) to 02:30Z, which reads 03:30 BST.
        DeliverySchedules s = schedules(RSIP_TIMEOUT, new Schedule("30 0 * * *", "Europe/London", "2h"));
        assertTrue(s.allowsRunAt(at("2026-03-29T02:20:00Z")), "03:20 BST: 1 h 50 min after the trigger");
        assertFalse(s.allowsRunAt(at("2026-03-29T02:29:00Z")));
        // The next day's trigger is 00:30 BST, i.e. 23:30Z on the 29th.
        assertEquals(Optional.of(at("2026-03-29T23:30:00Z")), s.next(at("2026-03-29T02:29:00Z")).map(NextSchedule::when));
    }

    @Test
    void aWindowOverTheFallBackNightInNewYorkCountsTheRepeatedHour() {
        // 22:00 EDT on 2026-10-31 (02:00Z) for 4 h ends at 06:00Z, which reads 01:00 EST on 2026-11-01.
        DeliverySchedules s = schedules(RSIP_TIMEOUT, new Schedule("0 22 * * *", "America/New_York", "4h"));
        assertTrue(s.allowsRunAt(at("2026-11-01T05:50:00Z")), "01:50 EDT");
        assertFalse(s.allowsRunAt(at("2026-11-01T05:58:00Z")), "01:58 EDT: the run would end after 06:00Z");
        assertFalse(s.allowsRunAt(at("2026-11-01T06:30:00Z")), "01:30 EST, the second 01:30 of the night");
        // 22:00 EST on 2026-11-01 is 03:00Z on the 2nd.
        assertEquals(Optional.of(at("2026-11-02T03:00:00Z")), s.next(at("2026-11-01T06:30:00Z")).map(NextSchedule::when));
    }

    @Test
    void aWindowOverTheFallBackNightInLondonIncludesBothOnePmThirties() {
        // "30 1 * * *" fires twice on 2026-10-25 (01:30 BST and 01:30 GMT); each opens a 10 min window.
        DeliverySchedules s = schedules(Duration.ofMinutes(2), new Schedule("30 1 * * *", "Europe/London", "10m"));
        assertTrue(s.allowsRunAt(at("2026-10-25T00:35:00Z")));
        assertFalse(s.allowsRunAt(at("2026-10-25T01:00:00Z")));
        assertTrue(s.allowsRunAt(at("2026-10-25T01:35:00Z")));
    }

    @Test
    void aWindowInNewYorkAcrossTheSpringForwardNight() {
        // 01:00 EST on 2026-03-08 (06:00Z) for 3 h: ends at 09:00Z = 05:00 EDT, although 01:00 to 05:00 reads 4 h.
        DeliverySchedules s = schedules(RSIP_TIMEOUT, new Schedule("0 1 * * *", "America/New_York", "3h"));
        assertTrue(s.allowsRunAt(at("2026-03-08T08:57:00Z")));
        assertFalse(s.allowsRunAt(at("2026-03-08T08:59:00Z")));
        assertEquals(Optional.of(at("2026-03-09T05:00:00Z")), s.next(at("2026-03-08T08:59:00Z")).map(NextSchedule::when));
    }

    @Test
    void severalSchedulesAnyOpenWindowAllowsAndTheEarliestNextWins() {
        DeliverySchedules s = schedules(RSIP_TIMEOUT, new Schedule("0 17 * * *", "UTC", "1h"),
                new Schedule("0 5 * * *", "UTC", "1h"), new Schedule("0 9 * * *", "Europe/London", "30m"));
        assertTrue(s.allowsRunAt(at("2026-11-27T05:30:00Z")));
        assertTrue(s.allowsRunAt(at("2026-11-27T17:10:00Z")));
        assertFalse(s.allowsRunAt(at("2026-11-27T12:00:00Z")));
        NextSchedule next = s.next(at("2026-11-27T05:30:00Z")).orElseThrow();
        assertEquals(at("2026-11-27T09:00:00Z"), next.when());
        assertEquals("0 9 * * *", next.schedule().cron());
        assertEquals(at("2026-11-27T17:00:00Z"), s.next(at("2026-11-27T12:00:00Z")).orElseThrow().when());
    }

    @Test
    void aZeroWindowAllowsEveryRunButNeverAnIntervalRun() {
        DeliverySchedules s = schedules(RSIP_TIMEOUT, new Schedule("0 5 * * *", "UTC", "0s"),
                new Schedule("0 17 * * *", "UTC", "1h"));
        assertTrue(s.allowsRunAt(at("2026-11-27T12:00:00Z")), "best effort: a zero window allows any time");
        assertFalse(s.allowsIntervalRunAt(at("2026-11-27T12:00:00Z")), "only windows admit interval runs");
        assertTrue(s.allowsIntervalRunAt(at("2026-11-27T17:10:00Z")));
        DeliverySchedules zeroOnly = schedules(RSIP_TIMEOUT, new Schedule("0 5 * * *", "UTC", ""));
        DeliverySchedules.NextRun run = zeroOnly.nextRun(at("2026-11-27T05:00:30Z"), Duration.ofMinutes(10));
        assertEquals(at("2026-11-28T05:00:00Z"), run.at(), "runs only at its triggers");
    }

    @Test
    void nextRunKeepsTheIntervalInsideTheWindowAndJumpsToTheNextTriggerOutsideIt() {
        DeliverySchedules s = schedules(RSIP_TIMEOUT, new Schedule("0 5 * * *", "UTC", "1h"));
        DeliverySchedules.NextRun inside = s.nextRun(at("2026-11-27T05:00:30Z"), Duration.ofMinutes(10));
        assertEquals(at("2026-11-27T05:10:30Z"), inside.at());
        assertEquals(Optional.empty(), inside.schedule());
        DeliverySchedules.NextRun outside = s.nextRun(at("2026-11-27T05:55:00Z"), Duration.ofMinutes(10));
        assertEquals(at("2026-11-28T05:00:00Z"), outside.at());
        assertEquals(at("2026-11-28T05:00:00Z"), outside.schedule().orElseThrow().when());
        DeliverySchedules none = schedules(RSIP_TIMEOUT);
        assertEquals(at("2026-11-27T05:10:00Z"), none.nextRun(at("2026-11-27T05:00:00Z"), Duration.ofMinutes(10)).at());
        // A trigger sooner than the interval wins even inside a window.
        DeliverySchedules soon = schedules(RSIP_TIMEOUT, new Schedule("*/5 * * * *", "UTC", "0s"),
                new Schedule("0 0 * * *", "UTC", "24h"));
        assertEquals(at("2026-11-27T05:05:00Z"), soon.nextRun(at("2026-11-27T05:01:00Z"), Duration.ofHours(1)).at());
    }

    @Test
    void invalidWindowsAreRefusedWithFluxsWords() {
        ScheduleException tooShort = assertThrows(ScheduleException.class,
                () -> schedules(RSIP_TIMEOUT, new Schedule("0 5 * * *", "UTC", "0s"), new Schedule("0 5 * * *", "UTC", "3m")));
        assertEquals("failed to validate schedule[1]: a non-zero window (3m0s) must always be at least twice the "
                + "timeout (2m0s)", tooShort.getMessage());
        assertEquals("window", tooShort.field());
        ScheduleException notADuration = assertThrows(ScheduleException.class,
                () -> schedules(RSIP_TIMEOUT, new Schedule("0 5 * * *", "UTC", "1d")));
        assertTrue(notADuration.getMessage().startsWith("failed to validate schedule[0]: invalid window \"1d\""),
                notADuration.getMessage());
        assertEquals("window", assertThrows(ScheduleException.class,
                () -> schedules(RSIP_TIMEOUT, new Schedule("0 5 * * *", "UTC", "-1h"))).field());
        // Exactly twice the timeout is enough.
        assertTrue(schedules(RSIP_TIMEOUT, new Schedule("0 5 * * *", "UTC", "4m")).allowsRunAt(at("2026-11-27T05:01:59Z")));
    }

    /**
     * Issue #11 item 6: {@code rset apply} answered "created" for this schedule. Validation at apply
     * time is this class's, the same parser the scheduler runs, so nothing admitted fails later.
     */
    @Test
    void theIssuesScheduleIsRefusedFieldByField() {
        String object = "ResourceSetInputProvider apps/p";
        Map<Schedule, String> errors = new LinkedHashMap<>();
        errors.put(new Schedule("not a cron", "UTC", ""), "spec.schedule[0].cron: failed to parse cron spec "
                + "'not a cron' with timezone 'UTC': expected exactly 5 fields, found 3: [not a cron]");
        errors.put(new Schedule("0 9 * * 1", "Mars/Olympus", ""), "spec.schedule[0].timeZone: failed to parse cron "
                + "spec '0 9 * * 1' with timezone 'Mars/Olympus': provided bad location Mars/Olympus: unknown time "
                + "zone Mars/Olympus");
        String pattern = " must be a duration such as 0s, 30m or 1h30m (pattern ^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$)";
        errors.put(new Schedule("0 9 * * 1", "UTC", "forever"), "spec.schedule[0].window: invalid window "
                + "\"forever\":" + pattern);
        errors.put(new Schedule("0 9 * * 1", "UTC", "-1h"), "spec.schedule[0].window: invalid window \"-1h\":"
                + pattern);
        errors.forEach((schedule, error) -> assertEquals(object + ": " + error, assertThrows(
                InvalidObjectException.class, () -> DeliverySchedules.validate(List.of(schedule), RSIP_TIMEOUT,
                        object)).getMessage(), schedule.toString()));
        assertTrue(assertThrows(InvalidObjectException.class, () -> DeliverySchedules.validate(List.of(
                new Schedule("@daily", "UTC", ""), new Schedule("0 9 * * 1", "Europe/Paris", "8h"),
                new Schedule("0 9 * * 1", "Mars", "")), RSIP_TIMEOUT, object)).getMessage()
                .startsWith(object + ": spec.schedule[2].timeZone: "));
        DeliverySchedules.validate(List.of(new Schedule("@daily", "UTC", ""),
                new Schedule("*/5 9-17 * * 1-5", "America/New_York", "1h30m"), new Schedule("0 0 1 1 *", "UTC", "0s")),
                RSIP_TIMEOUT, object);
    }

    @Test
    void validationAtApplyTimeNamesTheObjectAndTheField() {
        String object = "ResourceSetInputProvider apps/prs";
        assertEquals(object + ": spec.schedule[0].cron: failed to parse cron spec '0 5 * *' with timezone 'UTC': "
                + "expected exactly 5 fields, found 4: [0 5 * *]", assertThrows(InvalidObjectException.class,
                () -> DeliverySchedules.validate(List.of(new Schedule("0 5 * *", "UTC", "")), RSIP_TIMEOUT, object))
                .getMessage());
        assertTrue(assertThrows(InvalidObjectException.class, () -> DeliverySchedules.validate(
                List.of(new Schedule("0 5 * * *", "UTC", ""), new Schedule("0 5 * * *", "Europe/Lodnon", "")),
                RSIP_TIMEOUT, object)).getMessage().startsWith(object + ": spec.schedule[1].timeZone: "));
        assertTrue(assertThrows(InvalidObjectException.class, () -> DeliverySchedules.validate(
                List.of(new Schedule("0 5 * * *", "UTC", "1m")), RSIP_TIMEOUT, object)).getMessage()
                .startsWith(object + ": spec.schedule[0].window: a non-zero window (1m0s)"));
        DeliverySchedules.validate(List.of(new Schedule("@every 1h", "UTC", "0s")), RSIP_TIMEOUT, object);
    }

    @Test
    void decisionSkipsOutsideTheWindowRunsInsideAndRunsWhenForced() {
        List<Schedule> s = List.of(new Schedule("0 5 * * *", "UTC", "1h"));
        ReconcileTiming timing = ReconcileTiming.forInputProvider(java.util.Map.of());
        ScheduleDecision.Skip skip = assertInstanceOf(ScheduleDecision.Skip.class,
                ScheduleDecision.at(at("2026-11-27T17:00:00Z"), s, timing, false));
        assertEquals("Reconciliation skipped, next scheduled at 2026-11-28T05:00:00Z", skip.message());
        assertEquals(new ScheduleDecision.Run(false), ScheduleDecision.at(at("2026-11-27T05:10:00Z"), s, timing, false));
        assertEquals(new ScheduleDecision.Run(true), ScheduleDecision.at(at("2026-11-27T17:00:00Z"), s, timing, true));
        assertEquals(new ScheduleDecision.Run(false), ScheduleDecision.at(at("2026-11-27T05:10:00Z"), s, timing, true),
                "a force inside the window is an ordinary run");
        ScheduleDecision.Invalid invalid = assertInstanceOf(ScheduleDecision.Invalid.class, ScheduleDecision.at(
                at("2026-11-27T05:10:00Z"), List.of(new Schedule("0 5 * * *", "UTC", "3m")), timing, true));
        assertTrue(invalid.message().startsWith("failed to validate schedule[0]: a non-zero window"), invalid.message());
    }
}
