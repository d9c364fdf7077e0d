package dev.rset.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A ResourceSet's status as a whole, computed when read from its per-cluster statuses (which
 * parallel runs write independently, so no write ever has to merge them): Ready only when every
 * placed cluster is Ready, otherwise a message naming each cluster that is not and why.
 * Conditions carry the latest transition time of the cluster conditions they summarise.
 */
public final class OverallStatus {
    private OverallStatus() {
    }

    /**
     * {@code placed}: the clusters the ResourceSet is placed on now, in order; {@code uid}: its
     * current uid (statuses written for an earlier object of the same name do not count);
     * {@code since}: the transition time when no cluster has a condition yet (the object's last update).
     */
    public static ObjectStatus of(String uid, List<String> placed, List<ClusterStatus> pairs, Instant since) {
        Map<String, ClusterStatus> byCluster = pairs.stream().filter(p -> uid.isEmpty() || uid.equals(p.uid()))
                .collect(Collectors.toMap(ClusterStatus::cluster, Function.identity(), (a, b) -> a));
        List<ClusterStatus> current = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (String cluster : placed) {
            ClusterStatus p = byCluster.get(cluster);
            if (p == null || p.status().condition(Condition.READY).isEmpty()) {
                waiting.add(cluster);
            } else {
                current.add(p);
            }
        }
        long generation = current.stream().mapToLong(p -> p.status().observedGeneration()).min().orElse(0);
        since = current.stream().flatMap(p -> p.status().conditions().stream())
                .map(Condition::lastTransitionTime).max(Instant::compareTo).orElse(since);
        ObjectStatus out = new ObjectStatus(generation, List.of(), List.of(), 0);
        out = out.withCondition(ready(placed, current, waiting, since, generation));
        Optional<Condition> stalled = summary(current, Condition.STALLED, since, generation);
        if (stalled.isPresent()) {
            out = out.withCondition(stalled.get());
        }
        Optional<Condition> reconciling = summary(current, Condition.RECONCILING, since, generation);
        if (reconciling.isPresent() || !waiting.isEmpty()) {
            out = out.withCondition(reconciling.orElse(new Condition(Condition.RECONCILING, "True",
                    Condition.REASON_PROGRESSING, waitingMessage(waiting), since, generation)));
        }
        return out;
    }

    private static Condition ready(List<String> placed, List<ClusterStatus> current, List<String> waiting,
            Instant since, long generation) {
        if (placed.isEmpty()) {
            return new Condition(Condition.READY, "False", Condition.REASON_FAILED,
                    "no registered cluster matches the placement of this ResourceSet", since, generation);
        }
        List<ClusterStatus> failing = current.stream().filter(p -> !p.ready()).toList();
        if (failing.isEmpty() && waiting.isEmpty()) {
            String message = current.size() == 1 ? readyMessage(current.get(0))
                    : "Reconciliation finished on " + current.size() + " clusters";
            return new Condition(Condition.READY, "True", Condition.REASON_SUCCEEDED, message, since, generation);
        }
        List<String> parts = new ArrayList<>();
        for (ClusterStatus p : failing) {
            parts.add("cluster " + p.cluster() + ": " + readyMessage(p));
        }
        if (!waiting.isEmpty()) {
            parts.add(waitingMessage(waiting));
        }
        String reason = failing.isEmpty() ? Condition.REASON_PROGRESSING
                : failing.get(0).status().condition(Condition.READY).orElseThrow().reason();
        boolean unknown = failing.stream().allMatch(p -> "Unknown".equals(
                p.status().condition(Condition.READY).orElseThrow().status()));
        return new Condition(Condition.READY, unknown ? "Unknown" : "False", reason, String.join("; ", parts), since,
                generation);
    }

    private static Optional<Condition> summary(List<ClusterStatus> current, String type, Instant since,
            long generation) {
        List<String> parts = new ArrayList<>();
        String reason = null;
        for (ClusterStatus p : current) {
            Optional<Condition> c = p.status().condition(type).filter(x -> "True".equals(x.status()));
            if (c.isPresent()) {
                reason = reason == null ? c.get().reason() : reason;
                parts.add("cluster " + p.cluster() + ": " + c.get().message());
            }
        }
        return reason == null ? Optional.empty()
                : Optional.of(new Condition(type, "True", reason, String.join("; ", parts), since, generation));
    }

    private static String readyMessage(ClusterStatus p) {
        return p.status().condition(Condition.READY).map(Condition::message).orElse("");
    }

    private static String waitingMessage(List<String> waiting) {
        return (waiting.size() == 1 ? "cluster " : "clusters ") + String.join(", ", waiting)
                + ": waiting for the first reconciliation";
    }
}
