package dev.rset.delivery;

import java.util.Optional;

/** Reads a secret by the reference a Cluster stores (the secrets store, seen from delivery). */
@FunctionalInterface
public interface SecretReader {
    Optional<String> read(String secretRef);
}
