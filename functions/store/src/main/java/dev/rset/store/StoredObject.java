package dev.rset.store;

import java.time.Instant;
import java.util.Map;

/**
 * A definition as the user applied it, with the fields the store indexes and maintains:
 * {@code generation} counts spec changes, {@code resourceVersion} counts every write and is the
 * optimistic-concurrency token.
 */
public record StoredObject(ObjectKey key, Map<String, Object> manifest, Map<String, String> labels,
        long generation, long resourceVersion, Instant createdAt, Instant updatedAt) {
    public StoredObject {
        manifest = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(manifest));
        labels = Map.copyOf(labels);
    }
}
