package dev.rset.api.resources;

import dev.rset.api.http.ApiException;
import dev.rset.core.api.Annotations;
import dev.rset.core.api.Cluster;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.LabelSelector;
import dev.rset.core.api.ResourceSet;
import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;
import dev.rset.events.EventPublisher;
import dev.rset.events.PublishException;
import dev.rset.events.ReconcileRequested;
import dev.rset.store.ConflictException;
import dev.rset.store.DefinitionStore;
import dev.rset.store.DefinitionStore.ScheduleChange;
import dev.rset.store.InputStore;
import dev.rset.store.InventoryKey;
import dev.rset.store.InventoryStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.OverallStatus;
import dev.rset.store.Placements;
import dev.rset.store.ProviderId;
import dev.rset.store.ScheduleStore;
import dev.rset.store.SecretStore;
import dev.rset.store.StatusCodec;
import dev.rset.store.StatusStore;
import dev.rset.store.StoredObject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

import static dev.rset.core.api.NestedFields.dig;

/**
 * The operations of the management API over the store ports. Validation happens before any
 * write; writes are conditional on the version read, retried a few times when nobody asked for
 * a specific version, and reported as 409 Conflict otherwise.
 */
public final class ControlPlane {
    static final int ATTEMPTS = 3;
    private static final System.Logger LOG = System.getLogger(ControlPlane.class.getName());

    private final DefinitionStore definitions;
    private final StatusStore statuses;
    private final ScheduleStore schedules;
    private final InputStore inputs;
    private final InventoryStore inventories;
    private final KubeconfigSecrets kubeconfigs;
    private final Applier applier;
    private final ClusterAccess access;
    private final Clock clock;
    private final Optional<EventPublisher> events;
    private final AuditLog audit;
    private final ReceiverSecrets receiverSecrets;

    /**
     * {@code events}: where requests for a run are announced (the reconcile fan-out); empty where
     * no bus is configured, and then only the schedule (due now) asks for the runs.
     */
    public ControlPlane(DefinitionStore definitions, StatusStore statuses, ScheduleStore schedules, InputStore inputs,
            InventoryStore inventories, SecretStore secrets, String secretPrefix, ClusterAccess access, Clock clock,
            Optional<EventPublisher> events) {
        this(definitions, statuses, schedules, inputs, inventories, secrets, secretPrefix, access, clock, events,
                AuditLog.logged());
    }

    /** {@code audit}: where the line naming the caller of each write goes. */
    public ControlPlane(DefinitionStore definitions, StatusStore statuses, ScheduleStore schedules, InputStore inputs,
            InventoryStore inventories, SecretStore secrets, String secretPrefix, ClusterAccess access, Clock clock,
            Optional<EventPublisher> events, AuditLog audit) {
        this.audit = audit;
        this.events = events;
        this.definitions = definitions;
        this.statuses = statuses;
        this.schedules = schedules;
        this.inputs = inputs;
        this.inventories = inventories;
        this.kubeconfigs = new KubeconfigSecrets(secrets, secretPrefix);
        this.receiverSecrets = new ReceiverSecrets(secrets, secretPrefix, new java.security.SecureRandom());
        this.access = access;
        this.clock = clock;
        this.applier = new Applier(definitions, inputs, access, kubeconfigs, audit);
    }

    /** Creates or updates every document, all or nothing. */
    public Map<String, Object> apply(List<Object> documents) {
        return apply(documents, List.of(), ApplyOptions.DEFAULT);
    }

    /** {@link Applier#apply}, then the runs it asks for are announced. */
    public Map<String, Object> apply(List<Object> documents, List<String> readWarnings, ApplyOptions options) {
        Applier.Result result = applier.apply(documents, readWarnings, options);
        announce(result.runs());
        return result.body();
    }

    /** Written by the reconciler's notifications on the ResourceSet's own status. */
    static final String NOTIFICATION_FAILED = "NotificationFailed";

    public Map<String, Object> get(ObjectKey key) {
        StoredObject o = find(key);
        if (key.kind() == Kind.RESOURCE_SET) {
            return resourceSetView(o, statuses.clusters(key), statuses.get(key), Placements.clusterLabels(definitions));
        }
        Map<String, Object> view = view(o, statuses.get(key));
        if (key.kind() == Kind.RESOURCE_SET_INPUT_PROVIDER) {
            Views.status(view).put("exportedInputs", exported(key));
        }
        return view;
    }

    /**
     * Creates the Receiver's webhook token, or replaces it ({@code rotate}); the answer is the only
     * place the token is ever shown.
     */
    public Map<String, Object> receiverToken(ObjectKey key, boolean rotate, String caller) {
        if (key.kind() != Kind.RECEIVER) {
            throw ApiException.notFound("only a Receiver has a webhook token, not a " + key.kind().kind());
        }
        Map<String, Object> issued = receiverSecrets.issue(find(key), rotate);
        audit.write(rotate ? "rotate-token" : "create-token", caller, key, ReceiverSecrets.action(issued), null);
        return issued;
    }

    public Map<String, Object> list(Kind kind, String namespace, String labelSelector) {
        return list(kind, namespace, labelSelector, MAX_LIST_LIMIT, null);
    }

    /** Objects per list response when the request says no {@code limit}, and at most. */
    public static final int MAX_LIST_LIMIT = 500;
    /**
     * Bytes of items (as compact JSON) per list response: Lambda answers at most 6 MB, and the
     * indented JSON or YAML of the response is larger than the compact form.
     */
    static final int MAX_LIST_BYTES = 3 * 1024 * 1024;

    /**
     * One page of a listing, Kubernetes style: at most {@code limit} objects (and fewer when they
     * are large), starting after the object the {@code continueToken} of the previous page names;
     * {@code metadata.continue} is set when more follow.
     */
    public Map<String, Object> list(Kind kind, String namespace, String labelSelector, int limit,
            String continueToken) {
        LabelSelector selector;
        try {
            selector = labelSelector == null || labelSelector.isBlank() ? null : LabelSelector.parse(labelSelector);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("labelSelector: " + e.getMessage());
        }
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw ApiException.badRequest("limit: must be between 1 and " + MAX_LIST_LIMIT + ", got " + limit);
        }
        String ns = namespace == null ? "" : namespace;
        ObjectKey after = continueToken == null || continueToken.isEmpty() ? null
                : ListContinue.decode(continueToken, kind, ns);
        List<StoredObject> objects = new ArrayList<>();
        int bytes = 0;
        boolean more = false;
        pages:
        while (true) {
            DefinitionStore.Page page = definitions.list(kind, ns, after, limit);
            for (int i = 0; i < page.items().size(); i++) {
                StoredObject o = page.items().get(i);
                after = o.key();
                if (selector != null && !selector.matches(o.labels())) {
                    continue;
                }
                int size = Admission.jsonSize(o.manifest());
                if (!objects.isEmpty() && (objects.size() == limit || bytes + size > MAX_LIST_BYTES)) {
                    more = true;
                    break pages;
                }
                objects.add(o);
                bytes += size;
            }
            if (!page.more()) {
                break;
            }
        }
        List<ObjectKey> keys = objects.stream().map(StoredObject::key).toList();
        List<Object> items;
        if (kind == Kind.RESOURCE_SET) {
            Map<ObjectKey, List<ClusterStatus>> pairs = statuses.clustersOfAll(keys);
            Map<String, Map<String, String>> clusters = Placements.clusterLabels(definitions);
            Map<ObjectKey, ObjectStatus> own = statuses.getAll(keys);
            items = objects.stream().map(o -> (Object) resourceSetView(o, pairs.get(o.key()), own.get(o.key()),
                    clusters)).toList();
        } else {
            Map<ObjectKey, ObjectStatus> st = statuses.getAll(keys);
            items = objects.stream().map(o -> (Object) view(o, st.get(o.key()))).toList();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", "v1");
        out.put("kind", "List");
        Map<String, Object> listMeta = new LinkedHashMap<>();
        if (more) {
            listMeta.put("continue", ListContinue.encode(kind, ns, keys.get(keys.size() - 1)));
        }
        out.put("metadata", listMeta);
        out.put("items", items);
        return out;
    }

    /** A stored object as the API shows it; a Receiver with its webhook path (from its token's secret). */
    private Map<String, Object> view(StoredObject o, ObjectStatus status) {
        Map<String, Object> view = Views.object(o, status);
        if (o.key().kind() == Kind.RECEIVER) {
            Views.status(view).putAll(receiverSecrets.status(o));
        }
        return view;
    }

    /**
     * A ResourceSet with its status as a whole, computed from the per-cluster statuses of the
     * clusters it is placed on, which are listed under {@code status.clusters}; {@code own} is the
     * ResourceSet's own status, whose {@code NotificationFailed} condition (pull request
     * notifications) is shown with the others.
     */
    private static Map<String, Object> resourceSetView(StoredObject o, List<ClusterStatus> pairs, ObjectStatus own,
            Map<String, Map<String, String>> clusterLabels) {
        ResourceSet rset;
        try {
            rset = ResourceSet.from(o.manifest());
        } catch (dev.rset.core.api.InvalidObjectException e) {
            return Views.object(o, ObjectStatus.EMPTY);
        }
        String uid = rset.metadata().uid();
        List<String> targets = Placements.targets(rset, clusterLabels);
        ObjectStatus overall = OverallStatus.of(uid, targets, pairs, o.updatedAt());
        if (own != null && own.condition(NOTIFICATION_FAILED).isPresent()) {
            overall = overall.withCondition(own.condition(NOTIFICATION_FAILED).get());
        }
        Map<String, Object> view = Views.object(o, overall);
        List<Object> clusters = new ArrayList<>();
        for (String cluster : targets) {
            pairs.stream().filter(p -> p.cluster().equals(cluster) && (uid.isEmpty() || uid.equals(p.uid())))
                    .findFirst().ifPresentOrElse(p -> clusters.add(StatusCodec.toMap(p)),
                            () -> clusters.add(Map.of("cluster", cluster)));
        }
        Views.status(view).put("clusters", clusters);
        return view;
    }

    public Map<String, Object> delete(ObjectKey key, OptionalLong resourceVersion) {
        return delete(key, resourceVersion, "");
    }

    /**
     * Deletes the definition and everything that belongs to it: a Cluster's kubeconfig secret
     * (recoverable for Secrets Manager's window) and status, a provider's exported inputs, live
     * set and status, a Receiver's status. A ResourceSet's inventories, statuses and schedule are
     * its reconciler's to remove, after it pruned what it applied (its inventories are keyed by
     * uid, so one created again under the name starts clean meanwhile).
     */
    public Map<String, Object> delete(ObjectKey key, OptionalLong resourceVersion, String caller) {
        StoredObject o = find(key);
        long expected = resourceVersion.orElse(o.resourceVersion());
        try {
            definitions.delete(key, expected);
        } catch (ConflictException e) {
            throw ApiException.conflict(e.getMessage());
        }
        audit.write("delete", caller, key, "deleted",
                Long.toString(expected));
        kubeconfigs.managedBy(o).ifPresent(ref -> kubeconfigs.retire(List.of(ref)));
        switch (key.kind()) {
            case CLUSTER, RECEIVER -> statuses.delete(key);
            case RESOURCE_SET_INPUT_PROVIDER -> {
                inputs.forget(new ProviderId(key.namespace(), key.name()));
                statuses.delete(key);
            }
            case RESOURCE_SET -> announce(List.of(request(key, false)));
            default -> throw new IllegalStateException("unknown kind " + key.kind());
        }
        return dev.rset.api.http.Statuses.success(key.kind().kind(), key.name());
    }

    public Map<String, Object> status(ObjectKey key) {
        StoredObject o = find(key);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", o.manifest().get("apiVersion"));
        out.put("kind", key.kind().kind());
        out.put("metadata", Views.object(o, ObjectStatus.EMPTY).get("metadata"));
        Map<String, Object> status = key.kind() == Kind.RESOURCE_SET
                ? Views.status(resourceSetView(o, statuses.clusters(key), statuses.get(key), Placements.clusterLabels(definitions)))
                : dev.rset.store.StatusCodec.toMap(statuses.get(key));
        status.put("suspended", isDisabled(o.manifest()));
        schedules.get(key).ifPresent(s -> {
            s.nextDue().ifPresent(t -> status.put("nextSchedule", t.toString()));
            s.lastReconcile().ifPresent(t -> status.put("lastReconcile", t.toString()));
            s.windowEnd().ifPresent(t -> status.put("windowEnd", t.toString()));
        });
        if (key.kind() == Kind.RESOURCE_SET_INPUT_PROVIDER) {
            status.put("exportedInputs", exported(key));
        }
        if (key.kind() == Kind.RESOURCE_SET) {
            ResourceSet rset = ResourceSet.from(o.manifest());
            List<Object> inventory = new ArrayList<>();
            for (String cluster : Placements.targets(rset, Placements.clusterLabels(definitions))) {
                List<Object> entries = rset.metadata().uid().isEmpty() ? List.of()
                        : inventories.get(new InventoryKey(key, rset.metadata().uid(), cluster)).entries().stream()
                                .map(e -> (Object) Map.of("id", e.id(), "v", e.version())).toList();
                inventory.add(Map.of("cluster", cluster, "entries", entries));
            }
            status.put("inventory", inventory);
        }
        out.put("status", status);
        return out;
    }

    /**
     * Connects to a registered cluster with its credentials and records the outcome as the
     * Cluster's {@code Ready} condition (what {@code rset clusters list} shows).
     */
    public Map<String, Object> check(ObjectKey key) {
        return check(key, "");
    }

    /** {@link #check(ObjectKey)} on behalf of {@code caller} (an IAM ARN), who is named in the audit line. */
    public Map<String, Object> check(ObjectKey key, String caller) {
        if (key.kind() != Kind.CLUSTER) {
            throw ApiException.badRequest(key.kind().kind() + " cannot be checked: only a Cluster has a connection");
        }
        StoredObject o = find(key);
        ClusterAccess.Readiness r = access.probe(Cluster.from(o.manifest()));
        Condition ready = new Condition(Condition.READY, r.ready() ? "True" : "False", r.reason(), r.message(),
                clock.instant(), o.generation());
        for (int attempt = 1; ; attempt++) {
            ObjectStatus current = statuses.get(key);
            try {
                ObjectStatus written = statuses.put(key, current.withCondition(ready)
                        .withObservedGeneration(o.generation()));
                audit.write("check", caller, key, "Ready=" + ready.status(),
                        null);
                return Views.object(o, written);
            } catch (ConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw ApiException.conflict(e.getMessage());
                }
            }
        }
    }

    /** Asks for a run now; with {@code force}, also outside the delivery window (requestedAt = forceAt). */
    public Map<String, Object> reconcile(ObjectKey key, boolean force) {
        return reconcile(key, force, "");
    }

    /** {@link #reconcile(ObjectKey, boolean)} on behalf of {@code caller} (an IAM ARN). */
    public Map<String, Object> reconcile(ObjectKey key, boolean force, String caller) {
        requireSchedulable(key, "reconcile");
        String now = clock.instant().toString();
        Map<String, Object> out = update(key, o -> {
            if (isDisabled(o)) {
                throw ApiException.badRequest(key + " is suspended: resume it before requesting a reconcile");
            }
            annotations(o).put(Annotations.REQUESTED_AT, now);
            if (force) {
                annotations(o).put(Annotations.FORCE_AT, now);
            }
            return o;
        }, ScheduleChange.DUE_NOW, "reconcile", caller);
        if (!announce(List.of(request(key, force)))) {
            // The caller asked for a run now and nothing else: say so, a retry is harmless.
            throw new ApiException(503, "ServiceUnavailable", "reconcile of " + key
                    + " recorded, but the request could not be announced: try again");
        }
        return out;
    }

    public Map<String, Object> suspend(ObjectKey key) {
        return suspend(key, "");
    }

    public Map<String, Object> suspend(ObjectKey key, String caller) {
        requireSchedulable(key, "suspend");
        return update(key, o -> {
            annotations(o).put(Annotations.RECONCILE, Annotations.DISABLED);
            return o;
        }, ScheduleChange.SUSPEND, "suspend", caller);
    }

    public Map<String, Object> resume(ObjectKey key) {
        return resume(key, "");
    }

    public Map<String, Object> resume(ObjectKey key, String caller) {
        requireSchedulable(key, "resume");
        Map<String, Object> out = update(key, o -> {
            annotations(o).remove(Annotations.RECONCILE);
            return o;
        }, ScheduleChange.DUE_NOW, "resume", caller);
        announce(List.of(request(key, false)));
        return out;
    }

    static ReconcileRequested request(ObjectKey key, boolean force) {
        return new ReconcileRequested(key.kind().kind(), key.namespace(), key.name(), force, "api");
    }

    /**
     * Publishes the requests; false when the bus refused them. The write they follow is committed
     * and made the object due now, so the scheduler still asks for the run: a lost announcement
     * delays it, it does not lose it.
     */
    private boolean announce(List<ReconcileRequested> requests) {
        if (requests.isEmpty() || events.isEmpty()) {
            return true;
        }
        try {
            events.get().reconcileRequested(requests);
            return true;
        } catch (PublishException e) {
            LOG.log(System.Logger.Level.WARNING, "ReconcileRequested not published, the schedule will ask: {0}",
                    e.getMessage());
            return false;
        }
    }

    /** Read, change, conditional write; on a lost race read again, a few times. */
    private Map<String, Object> update(ObjectKey key, UnaryOperator<Map<String, Object>> change,
            ScheduleChange schedule, String verb, String caller) {
        String by = AuditLog.who(caller);
        for (int attempt = 1; ; attempt++) {
            StoredObject o = find(key);
            Map<String, Object> manifest = change.apply(Admission.deepCopy(o.manifest()));
            annotations(manifest).put(Admission.MODIFIED_BY, by);
            try {
                StoredObject written = definitions.apply(List.of(new DefinitionStore.Write(key, manifest, o.labels(),
                        o.resourceVersion(), schedule))).get(0);
                audit.write(verb, by, key, "configured", Long.toString(written.resourceVersion()));
                return key.kind() == Kind.RESOURCE_SET
                        ? resourceSetView(written, statuses.clusters(key), statuses.get(key), Placements.clusterLabels(definitions))
                        : Views.object(written, statuses.get(key));
            } catch (ConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw ApiException.conflict(e.getMessage());
                }
            }
        }
    }

    private StoredObject find(ObjectKey key) {
        return definitions.get(key).orElseThrow(() -> ApiException.notFound(key + " not found"));
    }

    private List<Object> exported(ObjectKey key) {
        return inputs.list(new ProviderId(key.namespace(), key.name())).stream()
                .map(i -> (Object) i.values()).toList();
    }

    private static void requireSchedulable(ObjectKey key, String verb) {
        if (key.kind() != Kind.RESOURCE_SET && key.kind() != Kind.RESOURCE_SET_INPUT_PROVIDER) {
            throw ApiException.badRequest(key.kind().kind() + " cannot be asked to " + verb
                    + ": only ResourceSet and ResourceSetInputProvider are reconciled");
        }
    }

    static boolean isDisabled(Map<String, Object> manifest) {
        Object a = dig(manifest, "metadata", "annotations", Annotations.RECONCILE);
        return a instanceof String s && s.equalsIgnoreCase(Annotations.DISABLED);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> meta(Map<String, Object> manifest) {
        return (Map<String, Object>) manifest.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> annotations(Map<String, Object> manifest) {
        return (Map<String, Object>) meta(manifest).computeIfAbsent("annotations", k -> new LinkedHashMap<>());
    }
}
