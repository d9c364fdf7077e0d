package dev.rset.reconciler.status;

import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;
import dev.rset.store.HistoryEntry;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.StatusStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The status of one (ResourceSet, cluster) pair through a run: read once, then written with the
 * version guard at each change, so a write never silently replaces another's. A status left by
 * an earlier object of the same name (another uid) starts over.
 */
public final class PairStatus {
    private final StatusStore store;
    private final ObjectKey key;
    private final long generation;
    private final Clock clock;
    private ClusterStatus current;

    private PairStatus(StatusStore store, ObjectKey key, long generation, Clock clock, ClusterStatus current) {
        this.store = store;
        this.key = key;
        this.generation = generation;
        this.clock = clock;
        this.current = current;
    }

    public static PairStatus load(StatusStore store, ObjectKey key, String cluster, String uid, long generation,
            Clock clock) {
        ClusterStatus found = store.clusters(key).stream().filter(c -> c.cluster().equals(cluster)).findFirst()
                .orElse(null);
        ClusterStatus start = ClusterStatus.initial(cluster, uid);
        if (found != null) {
            start = found.uid().equals(uid) ? found
                    : ClusterStatus.initial(cluster, uid).withStatus(new ObjectStatus(0, List.of(), List.of(),
                            found.version()));
        }
        return new PairStatus(store, key, generation, clock, start);
    }

    public ClusterStatus current() {
        return current;
    }

    /** {@code Reconciling=True} with {@code message}, Ready Unknown while the run goes on. */
    public void progress(String message) {
        Instant now = clock.instant();
        ObjectStatus s = current.status().withObservedGeneration(generation)
                .withCondition(new Condition(Condition.RECONCILING, "True", Condition.REASON_PROGRESSING, message,
                        now, generation))
                .withCondition(new Condition(Condition.READY, "Unknown", Condition.REASON_PROGRESSING, message, now,
                        generation));
        write(current.withStatus(s));
    }

    /** Reconciliation is disabled by annotation: said in Ready, nothing else changes. */
    public void disabled(String message) {
        ObjectStatus s = current.status().withObservedGeneration(generation)
                .withoutCondition(Condition.RECONCILING).withoutCondition(Condition.STALLED)
                .withCondition(new Condition(Condition.READY, "False", Condition.REASON_RECONCILIATION_DISABLED,
                        message, clock.instant(), generation));
        write(current.withStatus(s));
    }

    public void finished(RunReport report) {
        Instant now = clock.instant();
        ObjectStatus s = current.status().withObservedGeneration(generation).withoutCondition(Condition.RECONCILING)
                .withCondition(new Condition(Condition.READY, report.ready(), report.reason(), report.message(), now,
                        generation));
        s = report.stalled()
                ? s.withCondition(new Condition(Condition.STALLED, "True", report.reason(), report.message(), now,
                        generation))
                : s.withoutCondition(Condition.STALLED);
        if (report.recordHistory() && !report.digest().isEmpty()) {
            s = s.withRun(new HistoryEntry(report.digest(), now, now, report.took(), report.reason(), 1,
                    report.metadata()));
        }
        ClusterStatus c = current;
        write(new ClusterStatus(c.cluster(), c.uid(), s,
                report.succeeded() ? report.digest() : c.lastAppliedRevision(),
                report.inventoryCount() < 0 ? c.inventoryCount() : report.inventoryCount(),
                report.succeeded() ? "" : report.message(), report.changes()));
    }

    private void write(ClusterStatus next) {
        current = store.putCluster(key, next);
    }
}
