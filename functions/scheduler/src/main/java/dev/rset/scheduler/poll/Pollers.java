package dev.rset.scheduler.poll;

import dev.rset.core.api.ProviderType;
import dev.rset.core.api.ResourceSetInputProvider;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The poller of each provider type. A type without one is answered {@code ProviderNotSupported}
 * (Ready=False; its inputs stay as the webhooks left them) rather than failing the tick.
 */
public final class Pollers implements ProviderPoller {
    public static final String NOT_SUPPORTED = "ProviderNotSupported";

    private final Map<ProviderType, ProviderPoller> byType;

    public Pollers(Map<ProviderType, ProviderPoller> byType) {
        this.byType = byType.isEmpty() ? Map.of() : new EnumMap<>(byType);
    }

    /** What this module can poll on its own: Static. Forge clients are added with {@link #with}. */
    public static Pollers builtIn() {
        return new Pollers(Map.of(ProviderType.STATIC, new StaticPoller()));
    }

    public Pollers with(ProviderType type, ProviderPoller poller) {
        Map<ProviderType, ProviderPoller> m = new EnumMap<>(ProviderType.class);
        m.putAll(byType);
        m.put(type, poller);
        return new Pollers(m);
    }

    @Override
    public PollResult poll(ResourceSetInputProvider provider, Duration timeout) {
        ProviderPoller p = byType.get(provider.spec().type());
        if (p == null) {
            return new PollResult.Failed(NOT_SUPPORTED, "scheduled polling of " + provider.spec().type().wire()
                    + " providers is not available yet: their inputs follow webhook deliveries only", Optional.empty());
        }
        return p.poll(provider, timeout);
    }
}
