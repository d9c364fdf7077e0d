package dev.rset.api.resources;

import dev.rset.core.api.Cluster;
import dev.rset.core.api.InvalidObjectException;

/** The control plane's rules for reaching a registered cluster, as the management API uses them. */
public interface ClusterAccess {
    /**
     * Refuses a Cluster whose address, kubeconfig or IAM role the control plane may not use:
     * throws {@link InvalidObjectException} naming the Cluster and the field. Runs before anything
     * is stored.
     */
    void admit(Cluster cluster);

    /** Connects with the registered credentials ({@code GET /version}) and says whether that worked. */
    Readiness probe(Cluster cluster);

    /** The outcome of {@link #probe}: the {@code Ready} condition of the Cluster's status. */
    record Readiness(boolean ready, String reason, String message) {
    }
}
