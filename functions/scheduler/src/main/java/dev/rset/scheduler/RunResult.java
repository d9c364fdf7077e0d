package dev.rset.scheduler;

import java.time.Instant;
import java.util.Optional;

/** A run's outcome and the schedule it leaves: when next due (none: out of the due index), suspended or not. */
record RunResult(Handled handled, Optional<Instant> nextDue, boolean suspended) {
    static RunResult due(Handled handled, Instant next) {
        return new RunResult(handled, Optional.of(next), false);
    }

    static RunResult undue(Handled handled, boolean suspended) {
        return new RunResult(handled, Optional.empty(), suspended);
    }
}
