package dev.rset.core.api;

/** Annotation keys and values with a meaning to the Flux Operator, and so to this control plane. */
public final class Annotations {
    public static final String RECONCILE = "fluxcd.controlplane.io/reconcile";
    public static final String RECONCILE_EVERY = "fluxcd.controlplane.io/reconcileEvery";
    public static final String RECONCILE_TIMEOUT = "fluxcd.controlplane.io/reconcileTimeout";
    public static final String PRUNE = "fluxcd.controlplane.io/prune";
    public static final String FORCE = "fluxcd.controlplane.io/force";
    public static final String REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";
    public static final String FORCE_AT = "reconcile.fluxcd.io/forceAt";
    public static final String DISABLED = "disabled";
    public static final String ENABLED = "enabled";

    /** The owner labels every generated object carries. */
    public static final String OWNER_NAME_LABEL = "resourceset.fluxcd.controlplane.io/name";
    public static final String OWNER_NAMESPACE_LABEL = "resourceset.fluxcd.controlplane.io/namespace";

    private Annotations() {
    }
}
