package dev.rset.core.schedule;

import dev.rset.core.api.Schedule;
import java.time.Instant;

/** {@code status.nextSchedule}: the schedule that fires next and when. */
public record NextSchedule(Schedule schedule, Instant when) {
}
