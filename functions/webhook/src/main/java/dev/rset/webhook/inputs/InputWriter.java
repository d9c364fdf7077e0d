package dev.rset.webhook.inputs;

import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.inputs.InputChange;
import dev.rset.forge.inputs.Remove;
import dev.rset.forge.inputs.Upsert;
import dev.rset.store.InputStore;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.Removal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies one planned change as one conditional write on one input item: the store refuses it
 * when the item (live or tombstone) carries the same or a newer {@link Ordering}, so an older
 * delivery never overwrites a newer head SHA. A new input must also find a place under the
 * provider's limit, possibly by pushing out one that ranks below it (see {@link InputLimit}).
 */
public final class InputWriter {
    private final InputStore inputs;
    private final InputLimit limit;

    public InputWriter(InputStore inputs) {
        this.inputs = inputs;
        this.limit = new InputLimit(inputs);
    }

    /**
     * {@code opening}: the event opened the request, so its input is most likely new and the store
     * may reserve its place before writing it (a hint; the outcome does not depend on it).
     */
    public Applied apply(ResourceSetInputProvider provider, InputChange change, Ordering ordering, boolean opening) {
        ProviderId pid = new ProviderId(provider.namespace(), provider.name());
        if (change instanceof Upsert u) {
            return upsert(provider, pid, u, ordering, opening);
        }
        Remove r = (Remove) change;
        Removal out = inputs.remove(pid, r.id(), ordering, provider.spec().filter().limit());
        return switch (out.outcome()) {
            // A full set that loses one may have had inputs pushed out or kept out by the limit.
            case WRITTEN -> out.atLimit() ? Applied.CHANGED_AT_LIMIT : Applied.CHANGED;
            case REPEATED -> Applied.ALREADY_APPLIED;
            case STALE -> Applied.STALE;
            case UNCHANGED, FULL -> Applied.UNCHANGED;
        };
    }

    private Applied upsert(ResourceSetInputProvider provider, ProviderId pid, Upsert u, Ordering ordering,
            boolean opening) {
        Map<String, Object> values = new LinkedHashMap<>(u.values());
        if (!u.keepExisting().isEmpty()) {
            // Only skip.labels keeps stored values: without it the write needs no read before.
            inputs.get(pid, u.id()).ifPresent(e -> u.keepExisting().forEach(k -> {
                if (e.values().containsKey(k)) {
                    values.put(k, e.values().get(k));
                }
            }));
        }
        // A live input is updated in place whatever the limit; one that is not live must find a place.
        return limit.admit(provider, pid, new Upsert(u.id(), values, u.keepExisting()), ordering, opening);
    }
}
