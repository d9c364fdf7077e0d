package dev.rset.reconciler;

import dev.rset.core.api.Cluster;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ResourceSet;
import dev.rset.delivery.ClusterConnector;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.Identities;
import dev.rset.delivery.Identity;
import dev.rset.reconciler.cleanup.Teardown;
import dev.rset.reconciler.inputs.ResourceSetInputs;
import dev.rset.reconciler.notify.Notifications;
import dev.rset.reconciler.render.RenderCache;
import dev.rset.reconciler.run.FailureMessages;
import dev.rset.reconciler.run.PairRun;
import dev.rset.reconciler.status.PairStatus;
import dev.rset.reconciler.status.RunReport;
import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;
import dev.rset.store.InventoryKey;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.Placements;
import dev.rset.store.StoredObject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciles one ResourceSet on one cluster. A ResourceSet placed on the cluster gets a run
 * ({@link PairRun}); one that was deleted, or is no longer placed there, has everything it
 * applied there pruned and the pair's inventory and status removed (and, once no cluster is left
 * for a deleted ResourceSet, its status and schedule too). Reconciliation disabled by annotation
 * only says so in the status.
 */
public final class ResourceSetReconciler implements PairReconciler {
    private static final System.Logger LOG = System.getLogger(ResourceSetReconciler.class.getName());

    private final ReconcilerStores stores;
    private final PairRun.Context context;
    private final Notifications notifications;

    /** {@code identities}: who a ResourceSet's requests are made as on its clusters. */
    public ResourceSetReconciler(ReconcilerStores stores, ClusterConnector connector, Identities identities,
            RenderCache renders, Clock clock) {
        this(stores, connector, identities, renders, clock, Notifications.NONE);
    }

    /** {@code notifications}: what change requests are told around each run. */
    public ResourceSetReconciler(ReconcilerStores stores, ClusterConnector connector, Identities identities,
            RenderCache renders, Clock clock, Notifications notifications) {
        this.stores = stores;
        this.context = new PairRun.Context(new ResourceSetInputs(stores.definitions(), stores.inputs()), renders,
                stores.inventories(), connector, identities, clock);
        this.notifications = notifications;
    }

    @Override
    public Outcome reconcile(PairRequest request) {
        if (request.cluster().isEmpty()) {
            return reconcileEach(request);
        }
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, request.namespace(), request.resourceSet());
        Optional<StoredObject> stored = stores.definitions().get(key);
        if (stored.isEmpty()) {
            return teardown(key, request.cluster(), null);
        }
        ResourceSet rset;
        try {
            rset = ResourceSet.from(stored.get().manifest());
        } catch (InvalidObjectException e) {
            return new Outcome("False", Condition.REASON_FAILED, e.getMessage(), false);
        }
        if (rset.metadata().uid().isEmpty()) {
            return new Outcome("False", Condition.REASON_FAILED, key + " has no metadata.uid: it was not stored "
                    + "through the API", false);
        }
        Map<String, Map<String, String>> clusters = Placements.clusterLabels(stores.definitions());
        boolean placed = Placements.targets(rset, clusters).contains(request.cluster());
        if (rset.isDisabled()) {
            // As the Flux Operator: nothing is applied or pruned while reconciliation is disabled.
            if (placed) {
                PairStatus.load(stores.statuses(), key, request.cluster(), rset.metadata().uid(),
                        stored.get().generation(), context.clock()).disabled("Reconciliation is disabled");
            }
            return new Outcome("False", Condition.REASON_RECONCILIATION_DISABLED, "Reconciliation is disabled", false);
        }
        if (!placed) {
            return teardown(key, request.cluster(), rset);
        }
        PairStatus status = PairStatus.load(stores.statuses(), key, request.cluster(), rset.metadata().uid(),
                stored.get().generation(), context.clock());
        Cluster cluster;
        try {
            cluster = Cluster.from(stores.definitions().get(new ObjectKey(Kind.CLUSTER, "", request.cluster()))
                    .orElseThrow(() -> new InvalidObjectException("Cluster " + request.cluster() + " is not registered"))
                    .manifest());
        } catch (InvalidObjectException e) {
            status.finished(new RunReport("False", Condition.REASON_FAILED, e.getMessage(), false, "", false,
                    Duration.ZERO, -1, List.of(), Map.of()));
            return new Outcome("False", Condition.REASON_FAILED, e.getMessage(), true);
        }
        notifications.beforeRun(rset, stored.get().generation());
        Outcome outcome = new PairRun(context, rset, stored.get().generation(), cluster, status).run();
        notifications.afterRun(rset, stored.get().generation());
        return outcome;
    }

    /**
     * The clusters a request without a cluster covers: those the ResourceSet is placed on, and
     * those where it still has an inventory or a status (it was deleted, or placed elsewhere).
     * The queue's fan-out makes one pair of each.
     */
    public List<String> clustersOf(String namespace, String name) {
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, namespace, name);
        Set<String> out = new LinkedHashSet<>();
        stores.definitions().get(key).ifPresent(o -> {
            try {
                out.addAll(Placements.targets(ResourceSet.from(o.manifest()),
                        Placements.clusterLabels(stores.definitions())));
            } catch (InvalidObjectException e) {
                LOG.log(System.Logger.Level.WARNING, "{0} is invalid: {1}", key, e.getMessage());
            }
        });
        stores.inventories().list(key).forEach(k -> out.add(k.cluster()));
        stores.statuses().clusters(key).forEach(s -> out.add(s.cluster()));
        return new ArrayList<>(out);
    }

    private Outcome reconcileEach(PairRequest request) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (String cluster : clustersOf(request.namespace(), request.resourceSet())) {
            Outcome o = reconcile(new PairRequest(request.namespace(), request.resourceSet(), cluster,
                    request.force(), request.requestedAt(), request.cause()));
            outcomes.add(o);
            if (!"True".equals(o.status())) {
                failing.add("cluster " + cluster + ": " + o.message());
            }
        }
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, request.namespace(), request.resourceSet());
        if (outcomes.isEmpty() && stores.definitions().get(key).isEmpty()) {
            forget(key);
        }
        boolean retry = outcomes.stream().anyMatch(Outcome::retry);
        return failing.isEmpty()
                ? new Outcome("True", Condition.REASON_SUCCEEDED, outcomes.size() + " clusters reconciled", retry)
                : new Outcome("False", outcomes.stream().filter(o -> !"True".equals(o.status())).findFirst()
                        .orElseThrow().reason(), String.join("; ", failing), retry);
    }

    /** Prunes what {@code key} applied on {@code clusterName}; {@code rset} is null when it was deleted. */
    private Outcome teardown(ObjectKey key, String clusterName, ResourceSet rset) {
        List<InventoryKey> inventories = stores.inventories().list(key).stream()
                .filter(k -> k.cluster().equals(clusterName)).toList();
        Optional<StoredObject> registered = stores.definitions().get(new ObjectKey(Kind.CLUSTER, "", clusterName));
        String message;
        if (inventories.isEmpty()) {
            message = "nothing to prune on cluster " + clusterName;
        } else if (registered.isEmpty()) {
            // The cluster was unregistered: its objects can no longer be reached, only forgotten.
            inventories.forEach(k -> stores.inventories().delete(k, 0));
            message = "cluster " + clusterName + " is no longer registered: its inventory was dropped without pruning";
            LOG.log(System.Logger.Level.WARNING, "{0}: {1}", key, message);
        } else {
            // A deleted ResourceSet's service account is gone with it: its namespace's default prunes.
            Identity identity = rset == null ? context.identities().of(key.namespace(), "")
                    : PairRun.identity(rset, context.identities());
            try (ClusterSession session = context.connector().open(Cluster.from(registered.get().manifest()),
                    identity)) {
                int pruned = Teardown.prune(session, stores.inventories(), inventories,
                        PairRun.ownerLabels(key.namespace(), key.name()), rset == null ? PairRun.DEFAULT_TIMEOUT
                                : PairRun.timeout(rset)).size();
                message = "pruned " + pruned + " objects on cluster " + clusterName;
            } catch (DeliveryException e) {
                return new Outcome("False", FailureMessages.reason(e), FailureMessages.message(e, clusterName,
                        identity), true);
            }
        }
        stores.statuses().deleteCluster(key, clusterName);
        if (rset == null && stores.inventories().list(key).isEmpty()) {
            forget(key);
        }
        return new Outcome("True", Condition.REASON_SUCCEEDED, message, false);
    }

    /** The ResourceSet is gone and nothing of it is left on any cluster: its remaining items go too. */
    private void forget(ObjectKey key) {
        for (ClusterStatus s : stores.statuses().clusters(key)) {
            stores.statuses().deleteCluster(key, s.cluster());
        }
        stores.statuses().delete(key);
        stores.schedules().delete(key);
    }
}
