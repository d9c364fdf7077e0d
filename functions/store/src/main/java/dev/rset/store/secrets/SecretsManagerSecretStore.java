package dev.rset.store.secrets;

import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Secrets Manager behind {@link SecretStore}; values never leave this class except to the caller.
 * A deleted secret is kept for {@link #RECOVERY_WINDOW_DAYS} days (Secrets Manager's shortest
 * window), so an operator can restore credentials deleted by mistake; meanwhile it reads as absent.
 */
public final class SecretsManagerSecretStore implements SecretStore {
    static final long RECOVERY_WINDOW_DAYS = 7;
    private final Supplier<SecretsManagerClient> clients;

    public SecretsManagerSecretStore(SecretsManagerClient client) {
        this(() -> client);
    }

    /** {@code clients} is asked at each call: a function passes one that builds the client at its first use. */
    public SecretsManagerSecretStore(Supplier<SecretsManagerClient> clients) {
        this.clients = clients;
    }

    @Override
    public SecretRef put(String name, String value, String description) {
        try {
            return new SecretRef(clients.get().createSecret(b -> b.name(name).secretString(value).description(description))
                    .name());
        } catch (ResourceExistsException e) {
            return new SecretRef(clients.get().putSecretValue(b -> b.secretId(name).secretString(value)).name());
        }
    }

    @Override
    public Optional<String> get(SecretRef ref) {
        try {
            return Optional.ofNullable(clients.get().getSecretValue(b -> b.secretId(ref.name())).secretString());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (InvalidRequestException e) {
            if (markedForDeletion(ref)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void delete(SecretRef ref) {
        try {
            clients.get().deleteSecret(b -> b.secretId(ref.name()).recoveryWindowInDays(RECOVERY_WINDOW_DAYS));
        } catch (ResourceNotFoundException e) {
            // already gone: deleting is idempotent
        } catch (InvalidRequestException e) {
            if (!markedForDeletion(ref)) {
                throw e;
            }
        }
    }

    /** Secrets Manager answers InvalidRequest for a secret in its recovery window; its description says so. */
    private boolean markedForDeletion(SecretRef ref) {
        try {
            return clients.get().describeSecret(b -> b.secretId(ref.name())).deletedDate() != null;
        } catch (ResourceNotFoundException e) {
            return true;
        }
    }
}
