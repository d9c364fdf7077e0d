package dev.rset.store;

import java.util.Optional;

/** Credentials (kubeconfigs, tokens) live here, never in DynamoDB items or logs. */
public interface SecretStore {
    /** Creates or updates the secret {@code name}; returns a reference to store instead of the value. */
    SecretRef put(String name, String value, String description);

    Optional<String> get(SecretRef ref);

    /**
     * Deletes the secret, recoverably for a while where the backend allows it (it reads as absent
     * meanwhile); a missing secret, or one already being deleted, is not an error.
     */
    void delete(SecretRef ref);
}
