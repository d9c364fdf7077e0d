package dev.rset.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exported inputs: one item per (provider, input id), so that a webhook touches one item.
 * Removal leaves a tombstone (kept for a TTL) so that an older delivery cannot resurrect an
 * input that a newer one removed. Listing reads live inputs only: however many tombstones a
 * provider has, they cost its readers nothing.
 */
public interface InputStore {
    /** The limit of a {@link #put(ProviderId, String, Map, Ordering)}: none. */
    int NO_LIMIT = Integer.MAX_VALUE;

    /** Live inputs only, ordered by id (string order); reflects every write that completed before. */
    List<StoredInput> list(ProviderId provider);

    /** The live input, or empty when absent or removed. */
    Optional<StoredInput> get(ProviderId provider, String inputId);

    /**
     * Upsert unless the stored item (live or tombstone) has an ordering &gt;= this one
     * ({@code REPEATED} when equal, {@code STALE} when newer). Throws
     * {@link TooLargeException} (nothing written) for an input too large to store.
     */
    default WriteOutcome put(ProviderId provider, String inputId, Map<String, Object> input, Ordering ordering) {
        return put(provider, inputId, input, ordering, NO_LIMIT);
    }

    /**
     * Like {@link #put(ProviderId, String, Map, Ordering)}, with the provider's
     * {@code spec.filter.limit}: an input that is not live becomes live only if fewer than
     * {@code limit} inputs are live or being written, checked in the same atomic step that
     * reserves its place, so that concurrent writers never take the provider past its limit.
     * {@code FULL} when there is no room (nothing written): evict what ranks below, then put again.
     * Updating a live input is never refused for the limit.
     */
    WriteOutcome put(ProviderId provider, String inputId, Map<String, Object> input, Ordering ordering, int limit);

    /**
     * {@link #put(ProviderId, String, Map, Ordering, int)} for an input the caller expects not to be
     * live (a change request that was just opened): an adapter may then reserve its place first
     * instead of trying an update first. Only a hint: the outcome is the same; a wrong guess costs
     * an adapter a request or two.
     */
    default WriteOutcome putNew(ProviderId provider, String inputId, Map<String, Object> input, Ordering ordering,
            int limit) {
        return put(provider, inputId, input, ordering, limit);
    }

    /**
     * Replace a live input by a tombstone (kept for a TTL) unless the stored ordering &gt;= this one
     * ({@code REPEATED} when equal, {@code STALE} when newer).
     */
    WriteOutcome remove(ProviderId provider, String inputId, Ordering ordering);

    /**
     * {@link #remove(ProviderId, String, Ordering)}, telling whether the set was at {@code limit}
     * before the input left it. An adapter that learns the set's size from the removal's own
     * writes answers without reading the set again (a webhook's closing pays no list read).
     */
    default Removal remove(ProviderId provider, String inputId, Ordering ordering, int limit) {
        WriteOutcome out = remove(provider, inputId, ordering);
        return new Removal(out, out == WriteOutcome.WRITTEN && list(provider).size() + 1 >= limit);
    }

    /**
     * Takes a live input out because it ranks outside the provider's {@code spec.filter.limit}:
     * replaces it by a tombstone that keeps the input's own ordering, so that an older delivery for
     * it stays stale while a newer one goes through the limit again. Only if the input is still
     * live with the ordering {@code listed} has (as {@link #list} returned it): {@code WRITTEN} when
     * evicted, {@code STALE} when it changed or went in between (nothing written; list again).
     */
    default WriteOutcome evict(StoredInput listed) {
        return evict(listed, null);
    }

    /**
     * {@link #evict(StoredInput)}, handing the evicted input's place under the limit to
     * {@code successor}: the input with that id takes it on its next limited put, and no other
     * input can take it in between (racing deliveries would otherwise take the place the
     * higher-ranked newcomer made).
     */
    WriteOutcome evict(StoredInput listed, String successor);

    /**
     * Replace the provider's whole set (a full poll): every input in {@code inputs} is put, every
     * live input not in it is removed, each write conditional on its own item with the same
     * ordering rule. Returns the outcome per input id.
     */
    Map<String, WriteOutcome> replaceAll(ProviderId provider, Map<String, Map<String, Object>> inputs,
            Ordering ordering);

    /**
     * Removes everything stored for the provider: live inputs, tombstones and the live set. Called
     * when the provider is deleted (and before one is created under the name), so that a provider
     * created again, maybe for another repository, never exports the inputs of the one before.
     * Forgetting a provider with nothing stored is not an error.
     */
    void forget(ProviderId provider);
}
