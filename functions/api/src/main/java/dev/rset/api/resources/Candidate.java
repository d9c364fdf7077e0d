package dev.rset.api.resources;

import dev.rset.store.ObjectKey;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One validated document of an apply, normalised for storage: server-owned fields removed,
 * namespace defaulted. {@code expectedVersion} is the resourceVersion the client sent, if any.
 * {@code inlineKubeconfig} is a Cluster's kubeconfig sent for registration; it is moved to the
 * secret store and never stored in the manifest.
 */
record Candidate(ObjectKey key, Map<String, Object> manifest, Map<String, String> labels,
        OptionalLong expectedVersion, String inlineKubeconfig, boolean disabled) {

    /** Never prints the kubeconfig. */
    @Override
    public String toString() {
        return "Candidate[" + key + "]";
    }
}
