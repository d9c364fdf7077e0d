package dev.rset.store;

import java.time.Instant;

/** Run records per (ResourceSet, cluster) pair: how queued reconcile requests are coalesced. */
public interface PairRunStore {
    /** The pair's record (consistent read), or {@link PairRun#none} when it has none. */
    PairRun get(ObjectKey resourceSet, String cluster);

    /**
     * Records that a run starts at {@code at}, when the stored version still equals
     * {@code read.version()}; returns the new record; throws {@link ConflictException} when another
     * run started meanwhile.
     */
    PairRun start(PairRun read, Instant at);

    /**
     * Records that the run {@code started} finished, so requests made before its start are covered;
     * never moves the covered time backwards (a later run may have finished first).
     */
    void finish(PairRun started);
}
