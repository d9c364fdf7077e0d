package dev.rset.delivery;

/**
 * Who requests are made as on the target cluster. {@link #serviceAccount} impersonates
 * {@code system:serviceaccount:<namespace>:<name>} (the Flux Operator's multi-tenancy lockdown), so
 * a team's ResourceSet can create only what its service account may; {@link #CONTROL_PLANE} uses
 * the cluster's registered credentials as they are.
 */
public record Identity(String namespace, String serviceAccount) {
    public static final Identity CONTROL_PLANE = new Identity("", "");

    public static Identity serviceAccount(String namespace, String name) {
        return new Identity(namespace, name);
    }

    public boolean impersonates() {
        return !serviceAccount.isEmpty();
    }

    /** The user name the API server sees. */
    public String userName() {
        return "system:serviceaccount:" + namespace + ":" + serviceAccount;
    }
}
