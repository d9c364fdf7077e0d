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
    private final AuditLog audit;

    /**
     * {@code events}: where requests for a run are announced (the reconcile fan-out); empty where
     * no bus is configured, and then only the schedule (due now) asks for the runs.
     */
    public ControlPlane(DefinitionStore definitions, StatusStore statuses, ScheduleStore schedules, InputStore inputs,
            InventoryStore inventories, SecretStore secrets, String secretPrefix, ClusterAccess access, Clock clock,
            Optional<EventPublisher> events) {
        this(definitions, statuses, schedules, inputs, inventories, secrets, secretPrefix, access, clock, events,
                AuditLog.stdout());
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
        this.secrets = secrets;
        this.secretPrefix = secretPrefix;
        this.access = access;
        this.clock = clock;
    }

    /** How an apply was asked for: its route, what to do with unknown fields, and who asked. */
    public record ApplyOptions(Scope scope, FieldValidation validation, String caller) {
        public static final ApplyOptions DEFAULT = new ApplyOptions(new Scope.Anywhere(), FieldValidation.STRICT, "");
    }

    /** Creates or updates every document, all or nothing. */
    public Map<String, Object> apply(List<Object> documents) {
        return apply(documents, List.of(), ApplyOptions.DEFAULT);
    }

    /**
     * {@link #apply(List)}, with what the reading of the body found worth telling its author
     * (returned as {@code warnings}, which {@code rset apply} prints to stderr) and the request's
     * {@link ApplyOptions}.
     */
    public Map<String, Object> apply(List<Object> documents, List<String> readWarnings, ApplyOptions options) {
        if (documents.isEmpty()) {
            throw ApiException.badRequest("the request has no objects to apply");
        }
        if (documents.size() > DefinitionStore.MAX_WRITES) {
            throw ApiException.badRequest("at most " + DefinitionStore.MAX_WRITES + " objects can be applied at once, got "
                    + documents.size());
        }
        List<String> warnings = new ArrayList<>(readWarnings);
        List<Candidate> candidates = new ArrayList<>();
        Set<ObjectKey> seen = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            Candidate c = Admission.admit(documents.get(i), i, options.scope(), options.validation(), warnings);
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
        Map<ObjectKey, SecretRef> kubeconfigs = storeKubeconfigs(candidates);
        boolean pinned = candidates.stream().anyMatch(c -> c.expectedVersion().isPresent());
        Applied applied;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    applied = applyOnce(candidates, kubeconfigs, options.caller());
                    break;
                } catch (ConflictException e) {
                    if (pinned || attempt == ATTEMPTS) {
                        throw ApiException.conflict(e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            // Nothing refers to the new versions: the credentials in use stay what they were.
            kubeconfigs.values().forEach(secrets::delete);
            throw e;
        }
        applied.superseded().forEach(secrets::delete);
        for (Map<String, Object> r : applied.items()) {
            audit.write("apply", options.caller().isEmpty() ? UNKNOWN_CALLER : options.caller(), (ObjectKey) r.remove(KEY), (String) r.get("action"),
                    (String) r.get("resourceVersion"));
        }
        announce(applied.announce());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "ApplyResult");
        out.put("apiVersion", "rset.dev/v1alpha1");
        out.put("items", applied.items());
        if (!warnings.isEmpty()) {
            out.put("warnings", List.copyOf(warnings));
        }
        return out;
    }

    /** Where each result item keeps its object's key until the audit line is written. */
    private static final String KEY = "\0key";

    /**
     * A committed apply: the result per object, the kubeconfig secrets no Cluster refers to any
     * more, and the runs to announce.
     */
    private record Applied(List<Map<String, Object>> items, List<SecretRef> superseded,
            List<ReconcileRequested> announce) {
    }

    /**
     * Writes each inline kubeconfig to a secret of its own, under a name no stored Cluster uses
     * yet; the transaction then switches the Cluster's reference to it. So a refused or lost apply
     * leaves the credentials in use untouched, and a reader never sees a half-written secret.
     */
    private Map<ObjectKey, SecretRef> storeKubeconfigs(List<Candidate> candidates) {
        Map<ObjectKey, SecretRef> out = new LinkedHashMap<>();
        try {
            for (Candidate c : candidates) {
                if (!c.inlineKubeconfig().isEmpty()) {
                    String name = kubeconfigPrefix(c.key().name()) + "/" + UUID.randomUUID();
                    out.put(c.key(), secrets.put(name, c.inlineKubeconfig(),
                            "kubeconfig of the rset cluster " + c.key().name()));
                }
            }
        } catch (RuntimeException e) {
            out.values().forEach(secrets::delete);
            throw e;
        }
        return out;
    }

    private String kubeconfigPrefix(String cluster) {
        return secretPrefix + "/clusters/" + cluster + "/kubeconfig";
    }

    private Applied applyOnce(List<Candidate> candidates, Map<ObjectKey, SecretRef> kubeconfigs, String caller) {
        List<DefinitionStore.Write> writes = new ArrayList<>();
        List<Map<String, Object>> results = new ArrayList<>();
        List<SecretRef> superseded = new ArrayList<>();
        for (Candidate c : candidates) {
            Optional<StoredObject> current = definitions.get(c.key());
            if (c.expectedVersion().isPresent() && current.isEmpty()) {
                throw ApiException.conflict(c.key() + " does not exist, but metadata.resourceVersion was given");
            }
            Map<String, Object> manifest = Admission.deepCopy(c.manifest());
            meta(manifest).put("uid", current.map(o -> dig(o.manifest(), "metadata", "uid"))
                    .orElseGet(() -> UUID.randomUUID().toString()));
            SecretRef kubeconfig = kubeconfigs.get(c.key());
            if (kubeconfig != null) {
                replaceKubeconfig(manifest, kubeconfig.name());
                current.flatMap(this::managedSecret).ifPresent(superseded::add);
            }
            long expected = c.expectedVersion().orElse(current.map(StoredObject::resourceVersion).orElse(0L));
            boolean unchanged = current.isPresent() && kubeconfig == null
                    && current.get().resourceVersion() == expected
                    && Admission.sameJson(withoutModifiedBy(current.get().manifest()), withoutModifiedBy(manifest))
                    && current.get().labels().equals(c.labels());
            String action = current.isEmpty() ? "created" : unchanged ? "unchanged" : "configured";
            if (!unchanged) {
                annotations(manifest).put(Admission.MODIFIED_BY, caller.isEmpty() ? UNKNOWN_CALLER : caller);
                writes.add(new DefinitionStore.Write(c.key(), manifest, c.labels(), expected,
                        scheduleChange(c, current)));
            }
            if (current.isEmpty() && c.key().kind() == Kind.RESOURCE_SET_INPUT_PROVIDER) {
                // Inputs left by a provider of this name that is gone (written while it was being deleted).
                inputs.forget(new ProviderId(c.key().namespace(), c.key().name()));
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put(KEY, c.key());
            r.put("kind", c.key().kind().kind());
            r.put("namespace", c.key().namespace());
            r.put("name", c.key().name());
            r.put("action", action);
            current.ifPresent(o -> r.put("resourceVersion", Long.toString(o.resourceVersion())));
            results.add(r);
        }
        if (!writes.isEmpty()) {
            try {
                for (StoredObject o : definitions.apply(writes)) {
                    for (Map<String, Object> r : results) {
                        if (o.key().equals(r.get(KEY))) {
                            r.put("resourceVersion", Long.toString(o.resourceVersion()));
                        }
                    }
                }
            } catch (TooLargeException e) {
                throw ApiException.invalid(e.getMessage());
            }
        }
        List<ReconcileRequested> runs = candidates.stream()
                .filter(c -> c.key().kind() == Kind.RESOURCE_SET && !c.disabled())
                .filter(c -> results.stream().anyMatch(r -> c.key().equals(r.get(KEY))
                        && !"unchanged".equals(r.get("action"))))
                .map(c -> request(c.key(), false)).toList();
        return new Applied(results, superseded, runs);
    }

    /** Recorded when the API runs without IAM auth in front of it ({@code rset dev}, tests). */
    static final String UNKNOWN_CALLER = "unauthenticated";

    /** The manifest as its author wrote it: without the server's annotation (nor an annotation map left empty). */
    private static Map<String, Object> withoutModifiedBy(Map<String, Object> manifest) {
        Map<String, Object> copy = Admission.deepCopy(manifest);
        if (meta(copy).get("annotations") instanceof Map<?, ?> a) {
            a.remove(Admission.MODIFIED_BY);
            if (a.isEmpty()) {
                meta(copy).remove("annotations");
            }
        }
        return copy;
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
            items = objects.stream().map(o -> (Object) resourceSetView(o, pairs.get(o.key()), clusters)).toList();
        } else {
            Map<ObjectKey, ObjectStatus> st = statuses.getAll(keys);
            items = objects.stream().map(o -> (Object) Views.object(o, st.get(o.key()))).toList();
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
        audit.write("delete", caller.isEmpty() ? UNKNOWN_CALLER : caller, key, "deleted",
                Long.toString(expected));
        managedSecret(o).ifPresent(secrets::delete);
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
                audit.write("check", caller.isEmpty() ? UNKNOWN_CALLER : caller, key, "Ready=" + ready.status(),
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
            ScheduleChange schedule, String verb, String caller) {
        String by = caller.isEmpty() ? UNKNOWN_CALLER : caller;
        for (int attempt = 1; ; attempt++) {
            StoredObject o = find(key);
            Map<String, Object> manifest = change.apply(Admission.deepCopy(o.manifest()));
            annotations(manifest).put(Admission.MODIFIED_BY, by);
            try {
                StoredObject written = definitions.apply(List.of(new DefinitionStore.Write(key, manifest, o.labels(),
                        o.resourceVersion(), schedule))).get(0);
                audit.write(verb, by, key, "configured", Long.toString(written.resourceVersion()));
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
        // Versioned names (…/kubeconfig/<uuid>) and the unversioned name written before them.
        String managed = kubeconfigPrefix(o.key().name());
        Object ref = dig(o.manifest(), "spec", "auth", "kubeconfig", "secretRef", "name");
        return ref instanceof String name && (name.equals(managed) || name.startsWith(managed + "/"))
                ? Optional.of(new SecretRef(name)) : Optional.empty();
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
