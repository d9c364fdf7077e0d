package dev.rset.scheduler.poll;

import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.providers.Credentials;
import dev.rset.forge.providers.PollRequest;
import dev.rset.store.InputStore;
import dev.rset.store.ProviderId;
import dev.rset.store.SecretNames;
import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import dev.rset.store.StoredInput;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The forge module's clients ({@link dev.rset.forge.providers.ProviderPoller}) behind this module's
 * port. The provider's {@code secretRef} is read from the secret store at
 * {@link SecretNames#providerSecret} ({@code <prefix>/secrets/<namespace>/<name>}): a JSON object
 * with the keys the Flux Operator reads from the Kubernetes secret ({@code username}/{@code password},
 * {@code token}, the GitHub App keys), or a bare token. The exported inputs before the poll go
 * along, for the skip labels.
 */
public final class ForgePoller implements ProviderPoller {
    private final dev.rset.forge.providers.ProviderPoller forge;
    private final SecretStore secrets;
    private final SecretNames names;
    private final InputStore inputs;

    public ForgePoller(dev.rset.forge.providers.ProviderPoller forge, SecretStore secrets, String prefix,
            InputStore inputs) {
        this.forge = forge;
        this.secrets = secrets;
        this.names = new SecretNames(prefix);
        this.inputs = inputs;
    }

    @Override
    public PollResult poll(ResourceSetInputProvider provider, Duration timeout) {
        Credentials credentials = Credentials.fromSecret(Map.of());
        String ref = provider.spec().secretRef();
        if (!ref.isEmpty()) {
            SecretRef secret = names.providerSecret(provider.namespace(), ref);
            Optional<String> value = secrets.get(secret);
            if (value.isEmpty()) {
                return new PollResult.Failed("SecretNotFound", "spec.secretRef: secret " + provider.namespace() + "/"
                        + ref + " not found (store it as " + secret.name() + ")", Optional.empty());
            }
            credentials = Credentials.fromSecretValue(value.get());
        }
        List<Map<String, Object>> previous = inputs.list(new ProviderId(provider.namespace(), provider.name()))
                .stream().map(StoredInput::values).toList();
        dev.rset.forge.providers.PollResult r = forge.poll(new PollRequest(provider, credentials, timeout, previous));
        if (r instanceof dev.rset.forge.providers.PollResult.Inputs listed) {
            Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
            listed.inputs().forEach(i -> byId.put(String.valueOf(i.get("id")), i));
            return new PollResult.Listed(byId);
        }
        Optional<java.time.Instant> retryAt = r instanceof dev.rset.forge.providers.PollResult.RateLimited limited
                ? Optional.of(limited.retryAt()) : Optional.empty();
        return new PollResult.Failed(r.reason(), r.message(), retryAt);
    }
}
