package dev.rset.store.secrets;

import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.util.Optional;

/** Secrets Manager behind {@link SecretStore}; values never leave this class except to the caller. */
public final class SecretsManagerSecretStore implements SecretStore {
    private final SecretsManagerClient client;

    public SecretsManagerSecretStore(SecretsManagerClient client) {
        this.client = client;
    }

    @Override
    public SecretRef put(String name, String value, String description) {
        try {
            return new SecretRef(client.createSecret(b -> b.name(name).secretString(value).description(description))
                    .name());
        } catch (ResourceExistsException e) {
            return new SecretRef(client.putSecretValue(b -> b.secretId(name).secretString(value)).name());
        }
    }

    @Override
    public Optional<String> get(SecretRef ref) {
        try {
            return Optional.ofNullable(client.getSecretValue(b -> b.secretId(ref.name())).secretString());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(SecretRef ref) {
        try {
            client.deleteSecret(b -> b.secretId(ref.name()).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException e) {
            // already gone: deleting is idempotent
        }
    }
}
