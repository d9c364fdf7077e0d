package dev.rset.core.schedule;

import dev.rset.core.api.Annotations;
import dev.rset.core.api.GoDurations;
import java.time.Duration;
import java.util.Map;

/**
 * How often an object is reconciled and how long a run may take, from its annotations
 * {@code fluxcd.controlplane.io/reconcileEvery} and {@code …/reconcileTimeout}. A value Go cannot
 * parse falls back to the default, as in the Flux Operator; {@code fluxcd.controlplane.io/reconcile:
 * disabled} (any case) means no interval at all.
 */
public record ReconcileTiming(Duration interval, Duration timeout, boolean disabled) {
    public static final Duration RESOURCE_SET_INTERVAL = Duration.ofHours(1);
    public static final Duration RESOURCE_SET_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration PROVIDER_INTERVAL = Duration.ofMinutes(10);
    public static final Duration PROVIDER_TIMEOUT = Duration.ofMinutes(2);

    public static ReconcileTiming forResourceSet(Map<String, String> annotations) {
        return of(annotations, RESOURCE_SET_INTERVAL, RESOURCE_SET_TIMEOUT);
    }

    public static ReconcileTiming forInputProvider(Map<String, String> annotations) {
        return of(annotations, PROVIDER_INTERVAL, PROVIDER_TIMEOUT);
    }

    private static ReconcileTiming of(Map<String, String> annotations, Duration interval, Duration timeout) {
        boolean disabled = Annotations.DISABLED.equalsIgnoreCase(annotations.get(Annotations.RECONCILE));
        return new ReconcileTiming(
                disabled ? Duration.ZERO : GoDurations.tryParse(annotations.get(Annotations.RECONCILE_EVERY)).orElse(interval),
                GoDurations.tryParse(annotations.get(Annotations.RECONCILE_TIMEOUT)).orElse(timeout), disabled);
    }
}
