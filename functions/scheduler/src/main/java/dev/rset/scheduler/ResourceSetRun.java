package dev.rset.scheduler;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.schedule.ReconcileTiming;
import dev.rset.events.EventPublisher;
import dev.rset.events.PublishException;
import dev.rset.events.ReconcileRequested;
import dev.rset.scheduler.Handled.Outcome;
import dev.rset.store.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One due ResourceSet: its interval ({@code reconcileEvery}, 1 h by default) came round, so it is
 * asked to reconcile, which corrects drift on its clusters. The request is never forced: a force
 * request made through the API was announced by the API itself, and repeating it would only run
 * the pair twice outside its window.
 */
final class ResourceSetRun {
    static final String REQUESTED_BY = "scheduler";
    /** How soon a ResourceSet whose request the bus refused is tried again. */
    static final Duration RETRY = Duration.ofMinutes(1);

    private final EventPublisher events;

    ResourceSetRun(EventPublisher events) {
        this.events = events;
    }

    RunResult run(StoredObject def, Instant now) {
        ReconcileTiming timing = ReconcileTiming.forResourceSet(annotations(def));
        if (timing.disabled()) {
            return RunResult.undue(new Handled(def.key(), Outcome.DROPPED, "reconciliation disabled"), true);
        }
        try {
            events.reconcileRequested(List.of(new ReconcileRequested(ResourceSet.KIND, def.key().namespace(),
                    def.key().name(), false, REQUESTED_BY)));
        } catch (PublishException e) {
            return RunResult.due(new Handled(def.key(), Outcome.DEFERRED, e.getMessage()), now.plus(RETRY));
        }
        return RunResult.due(new Handled(def.key(), Outcome.RECONCILE_REQUESTED, "every " + timing.interval()),
                now.plus(timing.interval()));
    }

    /** The annotations without reading the whole spec: an unreadable spec is the reconciler's to report. */
    private static Map<String, String> annotations(StoredObject def) {
        try {
            return ResourceSet.from(def.manifest()).metadata().annotations();
        } catch (RuntimeException e) {
            Object meta = def.manifest().get("metadata");
            Object a = meta instanceof Map<?, ?> m ? m.get("annotations") : null;
            if (a instanceof Map<?, ?> map) {
                Map<String, String> out = new java.util.HashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
                return out;
            }
            return Map.of();
        }
    }
}
