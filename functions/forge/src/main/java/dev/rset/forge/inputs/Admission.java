package dev.rset.forge.inputs;

import dev.rset.core.api.ResourceSetInputProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.filter.limit} for one upsert: the provider keeps the first {@code limit} inputs in
 * the order a full poll lists them (newest change requests first, branches by name, tags newest
 * version first with a semver filter and reverse-lexically without). An upsert that would rank
 * below the limit is not admitted; one that ranks within it evicts what falls out.
 */
public final class Admission {
    /** Whether to write the upsert, and the ids that fall out of the limit if it is written. */
    public record Decision(boolean admit, List<String> evict) {
        public Decision {
            evict = List.copyOf(evict);
        }
    }

    private Admission() {
    }

    /**
     * @param live the provider's live inputs by id (the stored values), before the upsert
     */
    public static Decision decide(ResourceSetInputProvider provider, Map<String, Map<String, Object>> live,
            Upsert upsert) {
        int limit = provider.spec().filter().limit();
        Map<String, Map<String, Object>> all = new LinkedHashMap<>(live);
        all.put(upsert.id(), upsert.values());
        if (all.size() <= limit) {
            return new Decision(true, List.of());
        }
        List<Map.Entry<String, Map<String, Object>>> ranked = new ArrayList<>(all.entrySet());
        ranked.sort(InputOrder.of(provider));
        List<String> kept = ranked.subList(0, limit).stream().map(Map.Entry::getKey).toList();
        if (!kept.contains(upsert.id())) {
            return new Decision(false, List.of());
        }
        List<String> evict = ranked.subList(limit, ranked.size()).stream().map(Map.Entry::getKey).toList();
        return new Decision(true, evict);
    }
}
