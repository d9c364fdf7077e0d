package dev.rset.forge.inputs;

import dev.rset.core.api.ResourceSetInputProvider;
import java.util.List;

/**
 * What one event means for one provider: the input writes, and notes on what was left alone
 * and why (another repository, a skip label, a filter…) for the response and the log.
 */
public record ProviderPlan(ResourceSetInputProvider provider, List<InputChange> changes, List<String> notes) {
    public ProviderPlan {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    static ProviderPlan none(ResourceSetInputProvider provider, String note) {
        return new ProviderPlan(provider, List.of(), List.of(note));
    }
}
