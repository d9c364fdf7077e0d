package dev.rset.api.resources;

import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import dev.rset.store.StoredObject;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.rset.core.api.NestedFields.dig;

/**
 * The kubeconfig secrets the API writes for Clusters registered with an inline kubeconfig: one
 * secret per version, {@code <prefix>/clusters/<name>/kubeconfig/<uuid>}, never overwritten. A
 * Cluster is switched to a new version by the apply's transaction; a version nothing refers to
 * any more is deleted (recoverably, where the store allows).
 */
final class KubeconfigSecrets {
    private final SecretStore secrets;
    private final String prefix;

    KubeconfigSecrets(SecretStore secrets, String prefix) {
        this.secrets = secrets;
        this.prefix = prefix;
    }

    /** A new version for each candidate sent with an inline kubeconfig; all or none are left written. */
    Map<ObjectKey, SecretRef> storeNewVersions(List<Candidate> candidates) {
        Map<ObjectKey, SecretRef> out = new LinkedHashMap<>();
        try {
            for (Candidate c : candidates) {
                if (!c.inlineKubeconfig().isEmpty()) {
                    out.put(c.key(), secrets.put(base(c.key().name()) + "/" + UUID.randomUUID(),
                            c.inlineKubeconfig(), "kubeconfig of the rset cluster " + c.key().name()));
                }
            }
        } catch (RuntimeException e) {
            retire(out.values());
            throw e;
        }
        return out;
    }

    /** The secret the API wrote for this Cluster, if its reference is one (versioned, or the single name used before). */
    Optional<SecretRef> managedBy(StoredObject o) {
        if (o.key().kind() != Kind.CLUSTER) {
            return Optional.empty();
        }
        String base = base(o.key().name());
        Object ref = dig(o.manifest(), "spec", "auth", "kubeconfig", "secretRef", "name");
        return ref instanceof String name && (name.equals(base) || name.startsWith(base + "/"))
                ? Optional.of(new SecretRef(name)) : Optional.empty();
    }

    void retire(Collection<SecretRef> refs) {
        refs.forEach(secrets::delete);
    }

    private String base(String cluster) {
        return prefix + "/clusters/" + cluster + "/kubeconfig";
    }
}
