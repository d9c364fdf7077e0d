package dev.rset.api.resources;

import dev.rset.api.http.ApiException;
import dev.rset.core.api.Cluster;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.events.ReconcileRequested;
import dev.rset.store.ConflictException;
import dev.rset.store.DefinitionStore;
import dev.rset.store.DefinitionStore.ScheduleChange;
import dev.rset.store.InputStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ProviderId;
import dev.rset.store.SecretRef;
import dev.rset.store.StoredObject;
import dev.rset.store.TooLargeException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.rset.core.api.NestedFields.dig;

/**
 * An apply, all or nothing: every document is admitted ({@link Admission}, a Cluster's access
 * rules) before anything is written; the objects, their schedule changes and the switch of a
 * Cluster to a new kubeconfig version are one conditional transaction, retried a few times when
 * nobody pinned a resourceVersion, 409 otherwise; a refused apply deletes the kubeconfig versions
 * it wrote, an accepted one those it replaced.
 */
final class Applier {
    /** The answer, and the runs the caller announces once it is committed. */
    record Result(Map<String, Object> body, List<ReconcileRequested> runs) {
    }

    private final DefinitionStore definitions;
    private final InputStore inputs;
    private final ClusterAccess access;
    private final KubeconfigSecrets kubeconfigs;
    private final AuditLog audit;

    Applier(DefinitionStore definitions, InputStore inputs, ClusterAccess access, KubeconfigSecrets kubeconfigs,
            AuditLog audit) {
        this.definitions = definitions;
        this.inputs = inputs;
        this.access = access;
        this.kubeconfigs = kubeconfigs;
        this.audit = audit;
    }

    /**
     * Admits, then writes every document in one transaction; {@code readWarnings} are what the
     * reading of the body found worth telling its author (returned as {@code warnings}, which
     * {@code rset apply} prints to stderr, with any unknown fields under {@link FieldValidation#WARN}).
     */
    Result apply(List<Object> documents, List<String> readWarnings, ApplyOptions options) {
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
        Map<ObjectKey, SecretRef> kubeconfigs = this.kubeconfigs.storeNewVersions(candidates);
        boolean pinned = candidates.stream().anyMatch(c -> c.expectedVersion().isPresent());
        Applied applied;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    applied = applyOnce(candidates, kubeconfigs, options.caller());
                    break;
                } catch (ConflictException e) {
                    if (pinned || attempt == ControlPlane.ATTEMPTS) {
                        throw ApiException.conflict(e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            // Nothing refers to the new versions: the credentials in use stay what they were.
            this.kubeconfigs.retire(kubeconfigs.values());
            throw e;
        }
        this.kubeconfigs.retire(applied.superseded());
        for (Map<String, Object> r : applied.items()) {
            audit.write("apply", options.caller(), (ObjectKey) r.remove(KEY), (String) r.get("action"),
                    (String) r.get("resourceVersion"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "ApplyResult");
        out.put("apiVersion", "rset.dev/v1alpha1");
        out.put("items", applied.items());
        if (!warnings.isEmpty()) {
            out.put("warnings", List.copyOf(warnings));
        }
        return new Result(out, applied.announce());
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
            ControlPlane.meta(manifest).put("uid", current.map(o -> dig(o.manifest(), "metadata", "uid"))
                    .orElseGet(() -> UUID.randomUUID().toString()));
            SecretRef kubeconfig = kubeconfigs.get(c.key());
            if (kubeconfig != null) {
                replaceKubeconfig(manifest, kubeconfig.name());
                current.flatMap(this.kubeconfigs::managedBy).ifPresent(superseded::add);
            }
            long expected = c.expectedVersion().orElse(current.map(StoredObject::resourceVersion).orElse(0L));
            boolean unchanged = current.isPresent() && kubeconfig == null
                    && current.get().resourceVersion() == expected
                    && Admission.sameJson(withoutModifiedBy(current.get().manifest()), withoutModifiedBy(manifest))
                    && current.get().labels().equals(c.labels());
            String action = current.isEmpty() ? "created" : unchanged ? "unchanged" : "configured";
            if (!unchanged) {
                ControlPlane.annotations(manifest).put(Admission.MODIFIED_BY, AuditLog.who(caller));
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
                .map(c -> ControlPlane.request(c.key(), false)).toList();
        return new Applied(results, superseded, runs);
    }

    /** The manifest as its author wrote it: without the server's annotation (nor an annotation map left empty). */
    private static Map<String, Object> withoutModifiedBy(Map<String, Object> manifest) {
        Map<String, Object> copy = Admission.deepCopy(manifest);
        if (ControlPlane.meta(copy).get("annotations") instanceof Map<?, ?> a) {
            a.remove(Admission.MODIFIED_BY);
            if (a.isEmpty()) {
                ControlPlane.meta(copy).remove("annotations");
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
        boolean wasDisabled = current.map(o -> ControlPlane.isDisabled(o.manifest())).orElse(false);
        if (c.disabled()) {
            return current.isEmpty() || !wasDisabled ? ScheduleChange.SUSPEND : ScheduleChange.NONE;
        }
        boolean specChanged = current.isEmpty()
                || !Admission.sameJson(current.get().manifest().get("spec"), c.manifest().get("spec"));
        return specChanged || wasDisabled ? ScheduleChange.DUE_NOW : ScheduleChange.NONE;
    }

    @SuppressWarnings("unchecked")
    private static void replaceKubeconfig(Map<String, Object> manifest, String secretName) {
        Map<String, Object> auth = (Map<String, Object>) ((Map<String, Object>) manifest.get("spec")).get("auth");
        Map<String, Object> kubeconfig = new LinkedHashMap<>();
        kubeconfig.put("secretRef", Map.of("name", secretName));
        auth.put("kubeconfig", kubeconfig);
    }

}
