package dev.rset.store;

/**
 * Where the control plane's secrets live in Secrets Manager, under the stack's {@code SecretPrefix}
 * ({@code rset} by default). Each function's IAM policy grants one of these name prefixes only:
 * <ul>
 * <li>{@code <prefix>/receivers/<namespace>/<secretRef.name>}: a Receiver's token (the webhook
 *     reads these and nothing else);</li>
 * <li>{@code <prefix>/secrets/<namespace>/<secretRef.name>}: a provider's forge or registry
 *     credentials (the scheduler and reconciler poll with them);</li>
 * <li>{@code <prefix>/clusters/...}: cluster kubeconfigs, named by the API's kubeconfig store.</li>
 * </ul>
 * Receiver tokens moved from {@code <prefix>/secrets/} to {@code <prefix>/receivers/} so that the
 * webhook cannot read provider credentials; a token stored under the old name is not read (the
 * webhook may not), and is moved by storing it under the new name.
 */
public record SecretNames(String prefix) {
    public static final String DEFAULT_PREFIX = "rset";

    public SecretNames {
        if (prefix == null || prefix.isBlank()) {
            prefix = DEFAULT_PREFIX;
        }
        prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    /** The secret holding the token of a Receiver whose {@code spec.secretRef.name} is {@code name}. */
    public SecretRef receiverToken(String namespace, String name) {
        return new SecretRef(prefix + "/receivers/" + namespace + "/" + name);
    }

    /** The secret named by a provider's {@code spec.secretRef}. */
    public SecretRef providerSecret(String namespace, String name) {
        return new SecretRef(prefix + "/secrets/" + namespace + "/" + name);
    }
}
