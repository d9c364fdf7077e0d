package dev.rset.forge.inputs;

import java.util.Map;
import java.util.Set;

/**
 * Create or replace an exported input.
 *
 * @param values the exported input set, {@code defaultValues} already merged under it
 * @param keepExisting fields to take from the stored input when there is one, because the
 *     payload does not know them (GitLab names the actor, not the author, after "open")
 */
public record Upsert(String id, Map<String, Object> values, Set<String> keepExisting) implements InputChange {
    public Upsert {
        values = Map.copyOf(values);
        keepExisting = Set.copyOf(keepExisting);
    }
}
