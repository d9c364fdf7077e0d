package dev.rset.webhook.inputs;

/** What applying one input change did, as far as the reconciler is concerned. */
public enum Applied {
    /** The item was written or removed now. */
    CHANGED,
    /**
     * A previous attempt of this same delivery already wrote it (the forge retried after a
     * failure further on): treated as a change so that the event the failed attempt owed is sent.
     */
    ALREADY_APPLIED,
    /** A newer delivery already wrote this item; nothing was written. */
    STALE,
    /** The item already had these values (or was already absent); nothing to reconcile. */
    UNCHANGED,
    /** The provider is at its {@code spec.filter.limit} and this input ranks below it. */
    NOT_ADMITTED;

    public boolean needsReconcile() {
        return this == CHANGED || this == ALREADY_APPLIED;
    }
}
