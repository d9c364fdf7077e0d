package dev.rset.dispatcher;

import dev.rset.events.EventCodec;
import dev.rset.events.InputsChanged;
import dev.rset.events.ReconcileRequested;
import dev.rset.reconciler.PairRequest;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Turns one bus event into one request per (ResourceSet, cluster) pair. A ResourceSet placed
 * nowhere and holding no inventory gets one request without a cluster, so that its run can still
 * report (or, when it was deleted, clean up) its status. Requests carry this function's clock as
 * {@code requestedAt}: the event arrives after the change it announces was written, so any run
 * starting later reads that change.
 */
public final class Dispatcher {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final Placements placements;
    private final PairQueue queue;
    private final Clock clock;

    public Dispatcher(Placements placements, PairQueue queue, Clock clock) {
        this.placements = placements;
        this.queue = queue;
        this.clock = clock;
    }

    /** The requests sent (none for events that ask nothing of a ResourceSet). */
    public List<PairRequest> dispatch(EventCodec.Received received) {
        Instant now = clock.instant();
        String event = received.event().detailType() + " " + received.id();
        ObjectKey target;
        boolean force = false;
        String requestedBy = "";
        if (received.event() instanceof InputsChanged e) {
            target = new ObjectKey(Kind.RESOURCE_SET, e.namespace(), e.resourceSet());
        } else if (received.event() instanceof ReconcileRequested e && ReconcileRequested.RESOURCE_SET.equals(e.kind())) {
            target = new ObjectKey(Kind.RESOURCE_SET, e.namespace(), e.name());
            force = e.force();
            requestedBy = e.requestedBy().isEmpty() ? "" : " by " + e.requestedBy();
        } else {
            LOG.log(Level.INFO, "{0}: nothing to dispatch for {1}", event, received.event());
            return List.of();
        }
        List<String> clusters = placements.clusters(target);
        String cause = event + requestedBy;
        boolean forced = force;
        List<PairRequest> requests = (clusters.isEmpty() ? List.of("") : clusters).stream()
                .map(c -> new PairRequest(target.namespace(), target.name(), c, forced, now, cause)).toList();
        queue.send(requests);
        LOG.log(Level.INFO, "{0}: {1} on {2}", cause, target, clusters.isEmpty() ? "no cluster" : clusters);
        return requests;
    }
}
