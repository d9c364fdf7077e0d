package dev.rset.forge.providers;

import dev.rset.core.api.ResourceSetInputProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One poll of one provider.
 *
 * @param timeout the whole poll's budget, every page and token request included (the provider's
 *     {@code fluxcd.controlplane.io/reconcileTimeout}, 2m by default)
 * @param previousInputs the provider's exported inputs before this poll: a change request held by a
 *     skip label keeps its previous input
 */
public record PollRequest(ResourceSetInputProvider provider, Credentials credentials, Duration timeout,
        List<Map<String, Object>> previousInputs) {
    public PollRequest {
        previousInputs = List.copyOf(previousInputs);
    }
}
