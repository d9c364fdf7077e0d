package dev.rset.store;

import java.util.Map;

/** One exported input of a provider, with the ordering of the write that produced it. */
public record StoredInput(ProviderId provider, String id, Map<String, Object> values, Ordering ordering) {
    public StoredInput {
        values = Map.copyOf(values);
    }
}
