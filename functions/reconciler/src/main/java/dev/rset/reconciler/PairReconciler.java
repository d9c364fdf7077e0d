package dev.rset.reconciler;

/** Runs reconciles; the queue handler and {@code rset dev} call it the same way. */
public interface PairReconciler {
    /** What a run ended with; {@code retry} asks the caller to deliver the request again later. */
    record Outcome(String status, String reason, String message, boolean retry) {
    }

    /**
     * Reconciles the pair. Returns normally for every outcome the status can record (including
     * failures that a later run must repair); throws only when the request must be retried
     * because the control plane itself failed (store unavailable, conflict on the status write).
     */
    Outcome reconcile(PairRequest request);
}
