package dev.rset.scheduler.inputs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rset.store.InputStore;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.WriteOutcome;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings a provider's stored inputs to what a full poll listed, writing only the differences:
 * an input listed with the value already stored is not written; one not listed any more is
 * removed (a tombstone, so that a late "opened" cannot bring it back); a new or changed one is
 * put. Removals go first, so that the live set's places under {@code spec.filter.limit} are free
 * for the newcomers. Every write carries the poll's ordering: a webhook delivery for an event
 * after the poll started wins over it, an older one loses.
 */
public final class InputSync {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final InputStore inputs;

    public InputSync(InputStore inputs) {
        this.inputs = inputs;
    }

    /** {@code limit}: the provider's {@code spec.filter.limit}. */
    public SyncResult apply(ProviderId provider, Map<String, Map<String, Object>> listed, Ordering ordering,
            int limit) {
        Map<String, StoredInput> stored = new TreeMap<>();
        for (StoredInput s : inputs.list(provider)) {
            stored.put(s.id(), s);
        }
        Map<String, WriteOutcome> writes = new TreeMap<>();
        int unchanged = 0;
        for (String id : stored.keySet()) {
            if (!listed.containsKey(id)) {
                writes.put(id, inputs.remove(provider, id, ordering));
            }
        }
        for (Map.Entry<String, Map<String, Object>> e : new TreeMap<>(listed).entrySet()) {
            StoredInput current = stored.get(e.getKey());
            if (current != null && canonical(current.values()).equals(canonical(e.getValue()))) {
                unchanged++;
                continue;
            }
            writes.put(e.getKey(), inputs.put(provider, e.getKey(), e.getValue(), ordering, limit));
        }
        return new SyncResult(writes, unchanged);
    }

    /** Equal inputs have equal text whatever number types the JSON reader chose. */
    private static String canonical(Map<String, Object> values) {
        try {
            return CANONICAL.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("input values are JSON data", e);
        }
    }
}
