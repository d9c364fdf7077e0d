package dev.rset.events;

/** An event on the control plane's bus; its detail type is the EventBridge {@code detail-type}. */
public sealed interface ControlPlaneEvent permits InputsChanged, ReconcileRequested {
    String detailType();
}
