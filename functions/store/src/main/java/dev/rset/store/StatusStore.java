package dev.rset.store;

/** Status (conditions and history) per object. */
public interface StatusStore {
    /** The stored status, or {@link ObjectStatus#EMPTY}. */
    ObjectStatus get(ObjectKey key);

    /** Statuses of many objects in few requests (for listings); absent ones map to {@link ObjectStatus#EMPTY}. */
    java.util.Map<ObjectKey, ObjectStatus> getAll(java.util.Collection<ObjectKey> keys);

    /**
     * Writes the status when the stored version equals {@code status.version()} (0: none stored);
     * returns it with its new version; throws {@link ConflictException} otherwise.
     */
    ObjectStatus put(ObjectKey key, ObjectStatus status);

    /** Removes the status (after the reconciler finished garbage-collecting a deleted object). */
    void delete(ObjectKey key);

    /** The per-cluster statuses of {@code key}, by cluster name. */
    java.util.List<ClusterStatus> clusters(ObjectKey key);

    /** {@link #clusters} of many objects (for listings); an object without any maps to an empty list. */
    default java.util.Map<ObjectKey, java.util.List<ClusterStatus>> clustersOfAll(java.util.Collection<ObjectKey> keys) {
        java.util.Map<ObjectKey, java.util.List<ClusterStatus>> out = new java.util.LinkedHashMap<>();
        keys.forEach(k -> out.put(k, clusters(k)));
        return out;
    }

    /**
     * Writes one cluster's status when its stored version equals {@code status.version()} (0: none
     * stored); returns it with its new version; throws {@link ConflictException} otherwise.
     */
    ClusterStatus putCluster(ObjectKey key, ClusterStatus status);

    /** Removes one cluster's status; a missing one is not an error. */
    void deleteCluster(ObjectKey key, String cluster);
}
