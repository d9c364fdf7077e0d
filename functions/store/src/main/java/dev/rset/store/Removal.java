package dev.rset.store;

/**
 * What {@link InputStore#remove(ProviderId, String, Ordering, int)} did: its outcome, and whether
 * the provider's set was at its {@code spec.filter.limit} when an input left it ({@code WRITTEN}
 * only): inputs the limit kept out may rank in now.
 */
public record Removal(WriteOutcome outcome, boolean atLimit) {
}
