package dev.rset.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Definitions (ResourceSet, ResourceSetInputProvider, Receiver, Cluster) as applied by users. */
public interface DefinitionStore {
    /** What an apply does to the object's schedule entry, in the same transaction. */
    enum ScheduleChange {
        /** Leave it as it is (kinds without a schedule, or no change that needs a run). */
        NONE,
        /** Make it due at the apply time (new spec, reconcile requested, resumed). */
        DUE_NOW,
        /** Take it out of the due index (reconciliation disabled). */
        SUSPEND
    }

    /**
     * One object to write: created when {@code expectedVersion} is 0 (it must not exist),
     * otherwise replaced when its stored resourceVersion equals {@code expectedVersion}.
     */
    record Write(ObjectKey key, Map<String, Object> manifest, Map<String, String> labels, long expectedVersion,
            ScheduleChange schedule) {
        public Write {
            manifest = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(manifest));
            labels = Map.copyOf(labels);
        }
    }

    /**
     * The largest manifest any adapter stores, in bytes of its gzip-compressed JSON: what fits a
     * DynamoDB item beside the other attributes. Every adapter refuses a larger one with
     * {@link TooLargeException}, so that what {@code rset dev} accepts the AWS stack accepts too.
     */
    int MAX_COMPRESSED_MANIFEST = 350 * 1024;

    /** At most this many objects per {@link #apply} (two items each fit one DynamoDB transaction). */
    int MAX_WRITES = 50;

    /** What every adapter refuses before writing: an empty or oversized batch, or one object twice. */
    static void checkBatch(List<Write> writes) {
        if (writes.isEmpty() || writes.size() > MAX_WRITES) {
            throw new IllegalArgumentException("apply takes 1 to " + MAX_WRITES + " objects, got " + writes.size());
        }
        if (writes.stream().map(Write::key).distinct().count() != writes.size()) {
            throw new IllegalArgumentException("apply got the same object twice");
        }
    }

    Optional<StoredObject> get(ObjectKey key);

    /** Every object of a kind, or of a kind in one namespace when {@code namespace} is non-empty, by namespace then name. */
    List<StoredObject> list(Kind kind, String namespace);

    /** One page of {@link #list(Kind, String)}; {@code more} when objects follow the last one. */
    record Page(List<StoredObject> items, boolean more) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * At most {@code limit} objects of {@link #list(Kind, String)} that come after {@code after}
     * (by namespace then name; null: from the start), for listings that must stay small. This
     * default reads the whole list; a store that can start a read at a key overrides it.
     */
    default Page list(Kind kind, String namespace, ObjectKey after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<StoredObject> rest = list(kind, namespace).stream()
                .filter(o -> after == null || ORDER.compare(o.key(), after) > 0).toList();
        return new Page(rest.subList(0, Math.min(limit, rest.size())), rest.size() > limit);
    }

    /** The order of listings: namespace, then name (as strings compare). */
    java.util.Comparator<ObjectKey> ORDER = java.util.Comparator.comparing(ObjectKey::namespace)
            .thenComparing(ObjectKey::name);

    /**
     * Writes all objects and their schedule changes atomically: all or nothing. The generation is
     * bumped when {@code spec} changed. Throws {@link ConflictException} naming the object whose
     * version did not match, and then nothing was written.
     */
    List<StoredObject> apply(List<Write> writes);

    /** {@link #apply} of one object. */
    default StoredObject put(ObjectKey key, Map<String, Object> manifest, Map<String, String> labels,
            long expectedVersion) {
        return apply(List.of(new Write(key, manifest, labels, expectedVersion, ScheduleChange.NONE))).get(0);
    }

    /**
     * Deletes the definition and its schedule entry when its resourceVersion equals
     * {@code expectedVersion}; throws {@link ConflictException} otherwise (or when it is gone).
     * Status and inventory stay for the reconciler, which needs the inventory to garbage-collect.
     */
    void delete(ObjectKey key, long expectedVersion);
}
