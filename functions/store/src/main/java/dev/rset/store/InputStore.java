package dev.rset.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exported inputs: one item per (provider, input id), so that a webhook touches one item.
 * Removal leaves a tombstone (kept for a TTL) so that an older delivery cannot resurrect an
 * input that a newer one removed.
 */
public interface InputStore {
    /** Live inputs only, ordered by id (string order). */
    List<StoredInput> list(ProviderId provider);

    /** The live input, or empty when absent or removed. */
    Optional<StoredInput> get(ProviderId provider, String inputId);

    /** Upsert unless the stored item (live or tombstone) has an ordering &gt;= this one. */
    WriteOutcome put(ProviderId provider, String inputId, Map<String, Object> input, Ordering ordering);

    /** Replace a live input by a tombstone (kept for a TTL) unless the stored ordering &gt;= this one. */
    WriteOutcome remove(ProviderId provider, String inputId, Ordering ordering);

    /**
     * Replace the provider's whole set (a full poll): every input in {@code inputs} is put, every
     * live input not in it is removed, each write conditional on its own item with the same
     * ordering rule. Returns the outcome per input id.
     */
    Map<String, WriteOutcome> replaceAll(ProviderId provider, Map<String, Map<String, Object>> inputs,
            Ordering ordering);
}
