package dev.rset.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The observed state of an object: conditions and the most recent history entries, newest first.
 * {@code version} is the optimistic-concurrency token (0 = not stored).
 */
public record ObjectStatus(long observedGeneration, List<Condition> conditions, List<HistoryEntry> history,
        long version) {
    public static final int MAX_HISTORY = 5;

    public ObjectStatus {
        conditions = List.copyOf(conditions);
        history = List.copyOf(history);
    }

    public static final ObjectStatus EMPTY = new ObjectStatus(0, List.of(), List.of(), 0);

    public Optional<Condition> condition(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    /**
     * Sets a condition, keeping the last transition time when the status did not change (the
     * Kubernetes convention: the time says when the status last flipped, not when it was written).
     */
    public ObjectStatus withCondition(Condition c) {
        List<Condition> out = new ArrayList<>();
        boolean replaced = false;
        for (Condition old : conditions) {
            if (old.type().equals(c.type())) {
                Condition keep = old.status().equals(c.status())
                        ? new Condition(c.type(), c.status(), c.reason(), c.message(), old.lastTransitionTime(),
                                c.observedGeneration())
                        : c;
                out.add(keep);
                replaced = true;
            } else {
                out.add(old);
            }
        }
        if (!replaced) {
            out.add(c);
        }
        return new ObjectStatus(observedGeneration, out, history, version);
    }

    /** Drops the condition of {@code type}, if any (Flux removes {@code Reconciling} and {@code Stalled} once Ready). */
    public ObjectStatus withoutCondition(String type) {
        return new ObjectStatus(observedGeneration, conditions.stream().filter(c -> !c.type().equals(type)).toList(),
                history, version);
    }

    public ObjectStatus withObservedGeneration(long generation) {
        return new ObjectStatus(generation, conditions, history, version);
    }

    /**
     * Records a run: when the newest entry has the same digest it is updated (one entry per
     * distinct digest in a row, as Flux does), otherwise a new entry goes first; at most
     * {@link #MAX_HISTORY} are kept.
     */
    public ObjectStatus withRun(HistoryEntry run) {
        List<HistoryEntry> out = new ArrayList<>(history);
        if (!out.isEmpty() && out.get(0).digest().equals(run.digest())) {
            HistoryEntry prev = out.get(0);
            out.set(0, new HistoryEntry(run.digest(), prev.firstReconciled(), run.lastReconciled(),
                    run.lastReconciledDuration(), run.lastReconciledStatus(), prev.totalReconciliations() + 1,
                    run.metadata()));
        } else {
            out.add(0, run);
        }
        while (out.size() > MAX_HISTORY) {
            out.remove(out.size() - 1);
        }
        return new ObjectStatus(observedGeneration, conditions, out, version);
    }
}
