package dev.rset.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Definitions (ResourceSet, ResourceSetInputProvider, Receiver, Cluster) as applied by users. */
public interface DefinitionStore {
    Optional<StoredObject> get(ObjectKey key);

    /** Every object of a kind, or of a kind in one namespace when {@code namespace} is non-empty, by namespace then name. */
    List<StoredObject> list(Kind kind, String namespace);

    /**
     * Creates the object when {@code expectedVersion} is 0 (it must not exist), otherwise replaces
     * it when its stored resourceVersion equals {@code expectedVersion}. The generation is bumped
     * when {@code spec} changed. Throws {@link ConflictException} when the condition fails.
     */
    StoredObject put(ObjectKey key, Map<String, Object> manifest, Map<String, String> labels, long expectedVersion);

    /**
     * Deletes the definition and its schedule entry when its resourceVersion equals
     * {@code expectedVersion}; throws {@link ConflictException} otherwise (or when it is gone).
     * Status and inventory stay for the reconciler, which needs the inventory to garbage-collect.
     */
    void delete(ObjectKey key, long expectedVersion);
}
