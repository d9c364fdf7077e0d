package dev.rset.delivery.access;

import dev.rset.delivery.Identity;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The control plane's rules for reaching clusters, read once when a function is wired.
 *
 * @param secretPrefix          the control plane's own secrets prefix; kubeconfigs live under
 *                              {@code <secretPrefix>/clusters/} and nowhere else
 * @param allowLoopback         API servers on loopback addresses ({@code rset dev}, tests); off in a deployed stack
 * @param allowedAccountIds     AWS accounts whose IAM roles an EKS Cluster may name
 * @param externalId            the ExternalId sent when assuming an EKS Cluster's role
 * @param defaultServiceAccount impersonated when a ResourceSet names none; empty: use the registered credentials
 * @param region                the control plane's region (STS, EKS clusters without {@code region})
 */
public record AccessSettings(String secretPrefix, boolean allowLoopback, Set<String> allowedAccountIds,
        String externalId, String defaultServiceAccount, String region, Duration connectTimeout,
        Duration requestTimeout) {

    public AccessSettings {
        allowedAccountIds = Set.copyOf(allowedAccountIds);
    }

    /**
     * From the environment: {@code RSET_SECRET_PREFIX} (default {@code rset}),
     * {@code RSET_ALLOW_LOOPBACK_CLUSTERS} ({@code true} to allow; default off),
     * {@code RSET_ALLOWED_ACCOUNT_IDS} (comma-separated), {@code RSET_EKS_EXTERNAL_ID},
     * {@code RSET_DEFAULT_SERVICE_ACCOUNT}, {@code AWS_REGION}.
     */
    public static AccessSettings fromEnv(Map<String, String> env) {
        Set<String> accounts = Arrays.stream(env.getOrDefault("RSET_ALLOWED_ACCOUNT_IDS", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new AccessSettings(env.getOrDefault("RSET_SECRET_PREFIX", "rset"),
                "true".equalsIgnoreCase(env.getOrDefault("RSET_ALLOW_LOOPBACK_CLUSTERS", "").trim()), accounts,
                env.getOrDefault("RSET_EKS_EXTERNAL_ID", ""), env.getOrDefault("RSET_DEFAULT_SERVICE_ACCOUNT", ""),
                env.getOrDefault("AWS_REGION", "us-east-1"), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** Where kubeconfig secrets must be. */
    public String clusterSecretsPrefix() {
        return secretPrefix + "/clusters/";
    }

    /** A kubeconfig reference must name a secret of this control plane's own clusters (not an ARN, not another prefix). */
    public void checkSecretRef(String secretRef) {
        String prefix = clusterSecretsPrefix();
        if (!secretRef.startsWith(prefix) || secretRef.length() == prefix.length()) {
            throw new AccessRefusedException("spec.auth.kubeconfig.secretRef.name", "\"" + secretRef
                    + "\" is not a secret of this control plane: it must start with \"" + prefix + "\"");
        }
    }

    /** An EKS Cluster's role must be in an allow-listed account, and the control plane must have an ExternalId. */
    public void checkRole(String roleArn) {
        String[] parts = roleArn.split(":", 6);
        String account = parts.length > 4 ? parts[4] : "";
        if (!allowedAccountIds.contains(account)) {
            throw new AccessRefusedException("spec.auth.eks.roleArn", "account " + account
                    + " is not one the control plane may assume roles in (RSET_ALLOWED_ACCOUNT_IDS"
                    + (allowedAccountIds.isEmpty() ? " is empty)" : ": " + String.join(",",
                            allowedAccountIds.stream().sorted().toList()) + ")"));
        }
        if (externalId.isEmpty()) {
            throw new AccessRefusedException("spec.auth.eks", "the control plane has no ExternalId for assuming roles "
                    + "(RSET_EKS_EXTERNAL_ID)");
        }
    }

    /**
     * Who a ResourceSet's requests are made as: its {@code spec.serviceAccountName}, else the
     * control plane's default, else the registered credentials themselves.
     */
    public Identity identity(String namespace, String serviceAccountName) {
        String name = serviceAccountName == null || serviceAccountName.isEmpty() ? defaultServiceAccount
                : serviceAccountName;
        return name.isEmpty() ? Identity.CONTROL_PLANE : Identity.serviceAccount(namespace, name);
    }
}
