package dev.rset.delivery.access;

import dev.rset.core.api.Cluster;
import dev.rset.core.api.ClusterAuth;
import dev.rset.delivery.SecretReader;

/**
 * The access rules applied when a Cluster is registered, before anything is stored: the API
 * server's address, the kubeconfig (inline, or the referenced secret, which must be the control
 * plane's own), and for EKS the role's account. The same rules run again at connect time.
 */
public final class RegistrationChecks {
    private final AccessSettings settings;
    private final AddressPolicy addresses;
    private final SecretReader secrets;

    public RegistrationChecks(AccessSettings settings, AddressPolicy addresses, SecretReader secrets) {
        this.settings = settings;
        this.addresses = addresses;
        this.secrets = secrets;
    }

    /** Throws {@link AccessRefusedException} whose field is a path in the Cluster ({@code spec.server}, …). */
    public void check(Cluster cluster) {
        if (cluster.auth() instanceof ClusterAuth.Kubeconfig k && k.inline()) {
            try {
                KubeconfigPolicy.check(k.value(), cluster.server());
            } catch (AccessRefusedException e) {
                throw new AccessRefusedException("spec.auth.kubeconfig.value", e.getMessage());
            }
        } else if (cluster.auth() instanceof ClusterAuth.Kubeconfig k) {
            settings.checkSecretRef(k.secretRef());
            String field = "spec.auth.kubeconfig.secretRef.name";
            String kubeconfig = secrets.read(k.secretRef()).orElseThrow(() -> new AccessRefusedException(field,
                    "the secret \"" + k.secretRef() + "\" does not exist"));
            try {
                KubeconfigPolicy.check(kubeconfig, cluster.server());
            } catch (AccessRefusedException e) {
                throw new AccessRefusedException(field, "the kubeconfig in \"" + k.secretRef() + "\": "
                        + e.getMessage());
            }
        } else if (cluster.auth() instanceof ClusterAuth.Eks e) {
            settings.checkRole(e.roleArn());
        }
        addresses.check(cluster.server(), cluster.network());
    }
}
