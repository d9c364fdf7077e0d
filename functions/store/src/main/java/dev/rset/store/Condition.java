package dev.rset.store;

import java.time.Instant;

/** A Kubernetes-style status condition ({@code Ready}, {@code Reconciling}, {@code Stalled}). */
public record Condition(String type, String status, String reason, String message,
        Instant lastTransitionTime, long observedGeneration) {
    public static final String READY = "Ready";
    public static final String RECONCILING = "Reconciling";
    public static final String STALLED = "Stalled";

    /** Reasons used by the Flux Operator for these conditions. */
    public static final String REASON_SUCCEEDED = "ReconciliationSucceeded";
    public static final String REASON_FAILED = "ReconciliationFailed";
    public static final String REASON_PROGRESSING = "Progressing";
    public static final String REASON_BUILD_FAILED = "BuildFailed";
    public static final String REASON_HEALTH_CHECK_FAILED = "HealthCheckFailed";
    public static final String REASON_DEPENDENCY_NOT_READY = "DependencyNotReady";
    public static final String REASON_RECONCILIATION_DISABLED = "ReconciliationDisabled";
}
