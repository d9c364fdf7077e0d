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
import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import dev.rset.store.StatusCodec;
import dev.rset.store.StatusStore;
import dev.rset.store.StoredObject;
import dev.rset.store.TooLargeException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
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
    private final SecretStore secrets;
    private final String secretPrefix;
    private final ClusterAccess access;
    private final Clock clock;
    private final Optional<EventPublisher> events;

    /**
     * {@code events}: where requests for a run are announced (the reconcile fan-out); empty where
     * no bus is configured, and then only the schedule (due now) asks for the runs.
     */
    public ControlPlane(DefinitionStore definitions, StatusStore statuses, ScheduleStore schedules, InputStore inputs,
            InventoryStore inventories, SecretStore secrets, String secretPrefix, ClusterAccess access, Clock clock,
            Optional<EventPublisher> events) {
        this.events = events;
        this.definitions = definitions;
        this.statuses = statuses;
        this.schedules = schedules;
        this.inputs = inputs;
        this.inventories = inventories;
        this.secrets = secrets;
        this.secretPrefix = secretPrefix;
        this.access = access;
        this.clock = clock;
    }

    /** Creates or updates every document, all or nothing. */
    public Map<String, Object> apply(List<Object> documents) {
        return apply(documents, List.of());
    }

    /**
     * {@link #apply(List)}, with what the reading of the body found worth telling its author
     * (returned as {@code warnings}, which {@code rset apply} prints to stderr).
     */
    public Map<String, Object> apply(List<Object> documents, List<String> warnings) {
        if (documents.isEmpty()) {
            throw ApiException.badRequest("the request has no objects to apply");
        }
        if (documents.size() > DefinitionStore.MAX_WRITES) {
            throw ApiException.badRequest("at most " + DefinitionStore.MAX_WRITES + " objects can be applied at once, got "
                    + documents.size());
        }
        List<Candidate> candidates = new ArrayList<>();
        Set<ObjectKey> seen = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            Candidate c = Admission.admit(documents.get(i), i);
            if (!seen.add(c.key())) {
                throw ApiException.invalid("document " + (i + 1) + ": " + c.key() + " appears twice in the request");
            }
            candidates.add(c);
        }
        for (Candidate c : candidates) {
            if (c.key().kind() == Kind.CLUSTER) {
                try {
                    access.admit(Cluster.from(c.manifest()));
                } catch (InvalidObjectException e) {
                    throw ApiException.invalid(e.getMessage());
                }
            }
        }
        boolean pinned = candidates.stream().anyMatch(c -> c.expectedVersion().isPresent());
        for (int attempt = 1; ; attempt++) {
            try {
                Map<String, Object> result = applyOnce(candidates);
                if (!warnings.isEmpty()) {
                    result.put("warnings", List.copyOf(warnings));
                }
                return result;
            } catch (ConflictException e) {
                if (pinned || attempt == ATTEMPTS) {
                    throw ApiException.conflict(e.getMessage());
                }
            }
        }
    }

    private Map<String, Object> applyOnce(List<Candidate> candidates) {
        List<DefinitionStore.Write> writes = new ArrayList<>();
        List<Map<String, Object>> results = new ArrayList<>();
        Map<Candidate, String> secretsToWrite = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Optional<StoredObject> current = definitions.get(c.key());
            if (c.expectedVersion().isPresent() && current.isEmpty()) {
                throw ApiException.conflict(c.key() + " does not exist, but metadata.resourceVersion was given");
            }
            Map<String, Object> manifest = Admission.deepCopy(c.manifest());
            meta(manifest).put("uid", current.map(o -> dig(o.manifest(), "metadata", "uid"))
                    .orElseGet(() -> UUID.randomUUID().toString()));
            if (!c.inlineKubeconfig().isEmpty()) {
                String name = secretPrefix + "/clusters/" + c.key().name() + "/kubeconfig";
                replaceKubeconfig(manifest, name);
                secretsToWrite.put(c, name);
            }
            long expected = c.expectedVersion().orElse(current.map(StoredObject::resourceVersion).orElse(0L));
            boolean unchanged = current.isPresent() && c.inlineKubeconfig().isEmpty()
                    && current.get().resourceVersion() == expected
                    && Admission.sameJson(current.get().manifest(), manifest)
                    && current.get().labels().equals(c.labels());
            String action = current.isEmpty() ? "created" : unchanged ? "unchanged" : "configured";
            if (!unchanged) {
                writes.add(new DefinitionStore.Write(c.key(), manifest, c.labels(), expected,
                        scheduleChange(c, current)));
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("kind", c.key().kind().kind());
            r.put("namespace", c.key().namespace());
            r.put("name", c.key().name());
            r.put("action", action);
            current.ifPresent(o -> r.put("resourceVersion", Long.toString(o.resourceVersion())));
            results.add(r);
        }
        // Secrets first, so a stored reference always points at an existing secret.
        secretsToWrite.forEach((c, name) -> secrets.put(name, c.inlineKubeconfig(),
                "kubeconfig of the rset cluster " + c.key().name()));
        if (!writes.isEmpty()) {
            try {
                for (StoredObject o : definitions.apply(writes)) {
                    for (Map<String, Object> r : results) {
                        if (r.get("kind").equals(o.key().kind().kind()) && r.get("name").equals(o.key().name())
                                && r.get("namespace").equals(o.key().namespace())) {
                            r.put("resourceVersion", Long.toString(o.resourceVersion()));
                        }
                    }
                }
            } catch (TooLargeException e) {
                throw ApiException.invalid(e.getMessage());
            }
        }
        announce(candidates.stream().filter(c -> c.key().kind() == Kind.RESOURCE_SET && !c.disabled())
                .filter(c -> results.stream().anyMatch(r -> r.get("name").equals(c.key().name())
                        && r.get("namespace").equals(c.key().namespace()) && r.get("kind").equals(c.key().kind().kind())
                        && !"unchanged".equals(r.get("action"))))
                .map(c -> request(c.key(), false)).toList());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "ApplyResult");
        out.put("apiVersion", "rset.dev/v1alpha1");
        out.put("items", results);
        return out;
    }

    /** Only kinds with a schedule get one; a new spec or a resumed object is due now. */
    private static ScheduleChange scheduleChange(Candidate c, Optional<StoredObject> current) {
        Kind kind = c.key().kind();
        if (kind != Kind.RESOURCE_SET && kind != Kind.RESOURCE_SET_INPUT_PROVIDER) {
            return ScheduleChange.NONE;
        }
        boolean wasDisabled = current.map(o -> isDisabled(o.manifest())).orElse(false);
        if (c.disabled()) {
            return current.isEmpty() || !wasDisabled ? ScheduleChange.SUSPEND : ScheduleChange.NONE;
        }
        boolean specChanged = current.isEmpty()
                || !Admission.sameJson(current.get().manifest().get("spec"), c.manifest().get("spec"));
        return specChanged || wasDisabled ? ScheduleChange.DUE_NOW : ScheduleChange.NONE;
    }

    public Map<String, Object> get(ObjectKey key) {
        StoredObject o = find(key);
        if (key.kind() == Kind.RESOURCE_SET) {
            return resourceSetView(o, statuses.clusters(key), Placements.clusterLabels(definitions));
        }
        Map<String, Object> view = Views.object(o, statuses.get(key));
        if (key.kind() == Kind.RESOURCE_SET_INPUT_PROVIDER) {
            Views.status(view).put("exportedInputs", exported(key));
        }
        return view;
    }

    public Map<String, Object> list(Kind kind, String namespace, String labelSelector) {
        LabelSelector selector;
        try {
            selector = labelSelector == null || labelSelector.isBlank() ? null : LabelSelector.parse(labelSelector);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("labelSelector: " + e.getMessage());
        }
        List<StoredObject> objects = definitions.list(kind, namespace == null ? "" : namespace).stream()
                .filter(o -> selector == null || selector.matches(o.labels())).toList();
        List<ObjectKey> keys = objects.stream().map(StoredObject::key).toList();
        List<Object> items;
        if (kind == Kind.RESOURCE_SET) {
            Map<ObjectKey, List<ClusterStatus>> pairs = statuses.clustersOfAll(keys);
            Map<String, Map<String, String>> clusters = Placements.clusterLabels(definitions);
            items = objects.stream().map(o -> (Object) resourceSetView(o, pairs.get(o.key()), clusters)).toList();
        } else {
            Map<ObjectKey, ObjectStatus> st = statuses.getAll(keys);
            items = objects.stream().map(o -> (Object) Views.object(o, st.get(o.key()))).toList();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", "v1");
        out.put("kind", "List");
        out.put("items", items);
        return out;
    }

    /**
     * A ResourceSet with its status as a whole, computed from the per-cluster statuses of the
     * clusters it is placed on, which are listed under {@code status.clusters}.
     */
    private static Map<String, Object> resourceSetView(StoredObject o, List<ClusterStatus> pairs,
            Map<String, Map<String, String>> clusterLabels) {
        ResourceSet rset;
        try {
            rset = ResourceSet.from(o.manifest());
        } catch (dev.rset.core.api.InvalidObjectException e) {
            return Views.object(o, ObjectStatus.EMPTY);
        }
        String uid = rset.metadata().uid();
        List<String> targets = Placements.targets(rset, clusterLabels);
        Map<String, Object> view = Views.object(o, OverallStatus.of(uid, targets, pairs, o.updatedAt()));
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
        StoredObject o = find(key);
        long expected = resourceVersion.orElse(o.resourceVersion());
        try {
            definitions.delete(key, expected);
        } catch (ConflictException e) {
            throw ApiException.conflict(e.getMessage());
        }
        managedSecret(o).ifPresent(secrets::delete);
        if (key.kind() == Kind.CLUSTER) {
            // Nobody else writes a Cluster's status: a cluster registered again under the name starts unchecked.
            statuses.delete(key);
        }
        if (key.kind() == Kind.RESOURCE_SET) {
            // Its runs prune what it applied on every cluster, then remove its records.
            announce(List.of(request(key, false)));
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
                ? Views.status(resourceSetView(o, statuses.clusters(key), Placements.clusterLabels(definitions)))
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
        }, ScheduleChange.DUE_NOW);
        if (!announce(List.of(request(key, force)))) {
            // The caller asked for a run now and nothing else: say so, a retry is harmless.
            throw new ApiException(503, "ServiceUnavailable", "reconcile of " + key
                    + " recorded, but the request could not be announced: try again");
        }
        return out;
    }

    public Map<String, Object> suspend(ObjectKey key) {
        requireSchedulable(key, "suspend");
        return update(key, o -> {
            annotations(o).put(Annotations.RECONCILE, Annotations.DISABLED);
            return o;
        }, ScheduleChange.SUSPEND);
    }

    public Map<String, Object> resume(ObjectKey key) {
        requireSchedulable(key, "resume");
        Map<String, Object> out = update(key, o -> {
            annotations(o).remove(Annotations.RECONCILE);
            return o;
        }, ScheduleChange.DUE_NOW);
        announce(List.of(request(key, false)));
        return out;
    }

    private static ReconcileRequested request(ObjectKey key, boolean force) {
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
            ScheduleChange schedule) {
        for (int attempt = 1; ; attempt++) {
            StoredObject o = find(key);
            Map<String, Object> manifest = change.apply(Admission.deepCopy(o.manifest()));
            try {
                StoredObject written = definitions.apply(List.of(new DefinitionStore.Write(key, manifest, o.labels(),
                        o.resourceVersion(), schedule))).get(0);
                return key.kind() == Kind.RESOURCE_SET
                        ? resourceSetView(written, statuses.clusters(key), Placements.clusterLabels(definitions))
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

    private Optional<SecretRef> managedSecret(StoredObject o) {
        if (o.key().kind() != Kind.CLUSTER) {
            return Optional.empty();
        }
        String managed = secretPrefix + "/clusters/" + o.key().name() + "/kubeconfig";
        Object ref = dig(o.manifest(), "spec", "auth", "kubeconfig", "secretRef", "name");
        return managed.equals(ref) ? Optional.of(new SecretRef(managed)) : Optional.empty();
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
    private static void replaceKubeconfig(Map<String, Object> manifest, String secretName) {
        Map<String, Object> auth = (Map<String, Object>) ((Map<String, Object>) manifest.get("spec")).get("auth");
        Map<String, Object> kubeconfig = new LinkedHashMap<>();
        kubeconfig.put("secretRef", Map.of("name", secretName));
        auth.put("kubeconfig", kubeconfig);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> meta(Map<String, Object> manifest) {
        return (Map<String, Object>) manifest.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, Object> manifest) {
        return (Map<String, Object>) meta(manifest).computeIfAbsent("annotations", k -> new LinkedHashMap<>());
    }
}
