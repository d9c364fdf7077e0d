package dev.rset.delivery;

/**
 * Who an object's requests are made as: its {@code serviceAccountName} in its namespace, else the
 * control plane's default service account in that namespace (the Flux Operator's multi-tenancy
 * lockdown), else {@link Identity#CONTROL_PLANE}. {@code serviceAccountName} is empty when unset.
 */
@FunctionalInterface
public interface Identities {
    Identity of(String namespace, String serviceAccountName);
}
