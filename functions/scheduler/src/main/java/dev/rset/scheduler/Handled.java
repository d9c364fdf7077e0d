package dev.rset.scheduler;

import dev.rset.store.ObjectKey;

/** What a tick did with one claimed object. */
public record Handled(ObjectKey key, Outcome outcome, String detail) {
    public enum Outcome {
        /** A provider was polled and its exported inputs changed: InputsChanged was published. */
        INPUTS_CHANGED,
        /** A provider was polled and its exported inputs were already up to date. */
        INPUTS_UNCHANGED,
        /** The poll failed; the last exported inputs stay. */
        POLL_FAILED,
        /** Outside every delivery window: not polled ({@code SkippedDueToSchedule}). */
        SKIPPED_DUE_TO_SCHEDULE,
        /** The object cannot be used as it is (invalid schedule or spec): stalled until it changes. */
        STALLED,
        /** A ResourceSet's interval came round: ReconcileRequested was published. */
        RECONCILE_REQUESTED,
        /** Suspended, deleted, or a kind without a schedule: taken out of the due index. */
        DROPPED,
        /** Could not be completed (the bus refused an event): due again shortly. */
        DEFERRED
    }
}
