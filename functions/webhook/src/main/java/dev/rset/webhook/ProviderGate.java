package dev.rset.webhook;

import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.schedule.ReconcileTiming;
import dev.rset.core.schedule.ScheduleDecision;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a provider takes webhook changes now. The same rules as the scheduled poll: a provider
 * annotated {@code fluxcd.controlplane.io/reconcile: disabled} or outside every delivery window of
 * {@code spec.schedule} keeps its exported inputs as they are; the poll when it is resumed or when
 * its window opens brings them up to date from the forge.
 */
final class ProviderGate {
    private ProviderGate() {
    }

    /** Why {@code p} takes no change at {@code at}, or empty when it does. */
    static Optional<String> closed(ResourceSetInputProvider p, Instant at) {
        ReconcileTiming timing = ReconcileTiming.forInputProvider(p.metadata().annotations());
        if (timing.disabled()) {
            return Optional.of("reconciliation is disabled (fluxcd.controlplane.io/reconcile: disabled): inputs "
                    + "unchanged; the poll when it is resumed brings them up to date");
        }
        ScheduleDecision d = ScheduleDecision.at(at, p.spec().schedule(), timing, false);
        if (d instanceof ScheduleDecision.Skip skip) {
            return Optional.of("outside its schedule (" + skip.message() + "): inputs unchanged; the poll when "
                    + "the window opens brings them up to date");
        }
        if (d instanceof ScheduleDecision.Invalid invalid) {
            return Optional.of("InvalidSchedule: " + invalid.message() + ": inputs unchanged");
        }
        return Optional.empty();
    }
}
