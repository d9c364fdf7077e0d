package dev.rset.store;

import java.util.List;

/**
 * The status of one ResourceSet on one cluster, written only by that pair's runs (one at a time),
 * so that runs on different clusters never overwrite each other. {@code uid} is the ResourceSet's
 * uid when it was written; {@code status} holds the conditions, history and the version token.
 * {@code lastAppliedRevision} is the digest of the last build applied in full; {@code changes}
 * are the last run's changes ({@code HelmRelease/apps/app-1 created}), at most
 * {@link #MAX_CHANGES}; {@code lastError} is empty after a successful run.
 */
public record ClusterStatus(String cluster, String uid, ObjectStatus status, String lastAppliedRevision,
        long inventoryCount, String lastError, List<String> changes) {
    public static final int MAX_CHANGES = 50;

    public ClusterStatus {
        Keys.requireSafe("cluster name", cluster);
        changes = changes.size() > MAX_CHANGES ? bounded(changes) : List.copyOf(changes);
    }

    public static ClusterStatus initial(String cluster, String uid) {
        return new ClusterStatus(cluster, uid, ObjectStatus.EMPTY, "", 0, "", List.of());
    }

    public long version() {
        return status.version();
    }

    public boolean ready() {
        return status.condition(Condition.READY).map(c -> "True".equals(c.status())).orElse(false);
    }

    public ClusterStatus withStatus(ObjectStatus s) {
        return new ClusterStatus(cluster, uid, s, lastAppliedRevision, inventoryCount, lastError, changes);
    }

    /** The first {@link #MAX_CHANGES} changes and a last line counting the rest. */
    private static List<String> bounded(List<String> changes) {
        List<String> out = new java.util.ArrayList<>(changes.subList(0, MAX_CHANGES - 1));
        out.add("... and " + (changes.size() - MAX_CHANGES + 1) + " more");
        return List.copyOf(out);
    }
}
