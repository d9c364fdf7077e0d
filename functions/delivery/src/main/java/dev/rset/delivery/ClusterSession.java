package dev.rset.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One target cluster, as one identity, for one reconcile run. Every call is synchronous and
 * bounded by the timeouts given; failures are {@link DeliveryException}s.
 */
public interface ClusterSession extends AutoCloseable {
    /** The registered cluster's name. */
    String cluster();

    /**
     * Server-side applies {@code objects} in Flux's order (CRDs and Namespaces first, waiting for
     * CRDs to be established, then cluster-scoped, then namespaced objects). An object whose
     * server-side dry run shows no change is not written. An object annotated
     * {@code fluxcd.controlplane.io/force: enabled} is deleted and created again when the server
     * refuses the change as immutable. Stops at the first object the server rejects: the
     * exception names it, and the objects applied before it stay applied.
     */
    List<Change> apply(List<Map<String, Object>> objects, ApplyOptions options);

    /**
     * Deletes the objects that left the inventory: Flux's own kinds first (waiting until they
     * are gone, so their finalizers can clean up what they created), then the rest. Objects
     * annotated {@code fluxcd.controlplane.io/prune: disabled}, and objects whose labels are not
     * {@code ownerLabels}, are skipped; objects already gone are not reported.
     */
    List<Change> prune(List<ObjectRef> stale, Map<String, String> ownerLabels, Duration timeout);

    /** Waits until every object is healthy, or {@code timeout} passes; never throws for unhealthy objects. */
    Health waitForHealthy(List<ObjectRef> objects, Duration timeout);

    /** The object as the cluster has it now ({@code dependsOn} checks), empty when it does not exist. */
    Optional<Map<String, Object>> get(ObjectRef object);

    @Override
    void close();
}
