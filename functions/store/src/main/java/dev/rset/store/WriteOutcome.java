package dev.rset.store;

/** What a conditional write of an exported input did. */
public enum WriteOutcome {
    /** The item was created or replaced. */
    WRITTEN,
    /** The stored item has a newer ordering: nothing was written. */
    STALE,
    /**
     * The stored item (live or tombstone) holds this very ordering: the same write went through
     * before (a retried attempt, a resent request whose answer was lost); nothing was written.
     */
    REPEATED,
    /** The stored item already had this value: nothing was written. */
    UNCHANGED,
    /** A new live input would take the provider past its limit: nothing was written. */
    FULL
}
