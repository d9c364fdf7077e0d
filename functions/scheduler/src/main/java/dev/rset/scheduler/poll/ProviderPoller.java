package dev.rset.scheduler.poll;

import dev.rset.core.api.ResourceSetInputProvider;
import java.time.Duration;

/**
 * Lists what a provider exports now, from its forge or registry: the full poll that repairs
 * whatever webhooks missed. Implementations apply the provider's filters and limit, and never
 * throw for the forge's failures: those are a {@link PollResult.Failed} naming the reason.
 */
public interface ProviderPoller {
    /** {@code timeout}: the most the poll may take (the provider's reconcile timeout, or less near the tick's end). */
    PollResult poll(ResourceSetInputProvider provider, Duration timeout);
}
