package dev.rset.delivery;

import dev.rset.core.api.Cluster;

/**
 * Opens sessions to registered clusters: reads the credentials (a kubeconfig in the secrets
 * store, or an IAM token for EKS), checks the API server's address against the control plane's
 * rules at connect time, and impersonates {@code identity}.
 */
public interface ClusterConnector {
    /** Throws {@link DeliveryException} ({@code UNREACHABLE} or {@code REFUSED_ACCESS}) when it cannot. */
    ClusterSession open(Cluster cluster, Identity identity);
}
