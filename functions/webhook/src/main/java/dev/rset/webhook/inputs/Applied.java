package dev.rset.webhook.inputs;

/** What applying one input change did, as far as the reconciler is concerned. */
public enum Applied {
    /** The item was written or removed now. */
    CHANGED,
    /**
     * Written or removed now, at the provider's {@code spec.filter.limit}: an input was evicted to
     * make room, or one was removed from a full set, so inputs the webhook cannot see (evicted,
     * never admitted) may rank in now; only the forge's list knows.
     */
    CHANGED_AT_LIMIT,
    /**
     * This same write was made before (the forge retried after a failure further on, redelivered
     * it, or the same signed body came again): treated as a change so that the event an earlier
     * attempt may not have sent is sent.
     */
    ALREADY_APPLIED,
    /** A newer delivery already wrote this item; nothing was written. */
    STALE,
    /** The item already had these values (or was already absent); nothing to reconcile. */
    UNCHANGED,
    /** The provider is at its {@code spec.filter.limit} and this input ranks below it. */
    NOT_ADMITTED;

    /** The order of events or the set beyond the limit is in doubt: the forge's answer should settle it. */
    public boolean uncertain() {
        return this == STALE || this == NOT_ADMITTED || this == CHANGED_AT_LIMIT;
    }

    public boolean needsReconcile() {
        return this == CHANGED || this == CHANGED_AT_LIMIT || this == ALREADY_APPLIED;
    }
}
