package dev.rset.reconciler.run;

import dev.rset.delivery.Change;
import dev.rset.delivery.ObjectRef;

import java.util.List;

/**
 * What applying a build's steps did. {@code attempted} are the objects of every step that was
 * started (a failed step's objects included: some of them may be on the cluster now, so they
 * must stay in the inventory to be garbage-collected later).
 */
public sealed interface Delivered {
    List<Change> changes();

    List<ObjectRef> attempted();

    record Succeeded(List<Change> changes, List<ObjectRef> attempted) implements Delivered {
        public Succeeded {
            changes = List.copyOf(changes);
            attempted = List.copyOf(attempted);
        }
    }

    /** {@code reason} is a Flux condition reason ({@code HealthCheckFailed}, {@code ReconciliationFailed}). */
    record Failed(String reason, String message, List<Change> changes, List<ObjectRef> attempted)
            implements Delivered {
        public Failed {
            changes = List.copyOf(changes);
            attempted = List.copyOf(attempted);
        }
    }
}
