package dev.rset.events;

/**
 * A call for an object to be reconciled now. For a ResourceSet it means a run on every cluster it
 * is placed on ({@code force}: also outside its delivery window); for a ResourceSetInputProvider,
 * a poll of its forge (a generic receiver's call, or the scheduler's for a due provider).
 * {@code requestedBy} says who asked, for logs and status: {@code Receiver apps/github}, {@code api}.
 */
public record ReconcileRequested(String kind, String namespace, String name, boolean force, String requestedBy)
        implements ControlPlaneEvent {
    public static final String DETAIL_TYPE = "ReconcileRequested";
    public static final String RESOURCE_SET = "ResourceSet";

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
