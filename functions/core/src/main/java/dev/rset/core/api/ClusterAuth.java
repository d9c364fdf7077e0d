package dev.rset.core.api;

/** How the control plane authenticates to a cluster. */
public sealed interface ClusterAuth {
    /**
     * A kubeconfig in the secret {@code secretRef}; {@code value} is an inline kubeconfig sent at
     * registration only (empty once stored).
     */
    record Kubeconfig(String secretRef, String value) implements ClusterAuth {
        public boolean inline() {
            return !value.isEmpty();
        }

        @Override
        public String toString() {
            return "Kubeconfig[secretRef=" + secretRef + (inline() ? ", value=<redacted>" : "") + "]";
        }
    }

    /** An EKS cluster reached through an IAM role (no stored credentials at all). */
    record Eks(String clusterName, String roleArn, String region) implements ClusterAuth {
    }
}
