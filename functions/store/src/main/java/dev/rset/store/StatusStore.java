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
}
