package dev.rset.scheduler.poll;

import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.inputs.InputResolver;
import java.time.Duration;
import java.util.Map;

/**
 * {@code Static}: one input set, the provider's {@code defaultValues} with {@code id} the Adler-32 of
 * its UID (of its name when it has none, as {@code rset build --inputs-from-provider} does).
 */
public final class StaticPoller implements ProviderPoller {
    @Override
    public PollResult poll(ResourceSetInputProvider provider, Duration timeout) {
        String uid = provider.metadata().uid();
        Map<String, Object> input = InputResolver.staticInputs(provider, uid.isEmpty() ? provider.name() : uid);
        return new PollResult.Listed(Map.of((String) input.get("id"), input));
    }
}
