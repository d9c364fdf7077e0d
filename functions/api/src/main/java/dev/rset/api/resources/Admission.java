package dev.rset.api.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.api.http.ApiException;
import dev.rset.core.api.Annotations;
import dev.rset.core.api.Cluster;
import dev.rset.core.api.ClusterAuth;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ManifestRules;
import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.builder.BuildException;
import dev.rset.core.builder.TemplateCheck;
import dev.rset.core.builder.lint.UnquotedInputs;
import dev.rset.core.api.Placement;
import dev.rset.core.api.ResourceSet;
import dev.rset.forge.notify.NotificationPolicy;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.api.Receiver;
import dev.rset.core.schedule.DeliverySchedules;
import dev.rset.core.schedule.ReconcileTiming;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates and normalises applied documents before anything is written: the kind is known and
 * allowed on the route ({@link Scope}), every field is one the kind has (Kubernetes' strict field
 * validation, unless the request asked otherwise), the typed reader of core accepts it, labels,
 * selectors and schedules follow Kubernetes' and the CRDs' rules, templates parse, names are
 * Kubernetes names, and it is at most 1 MiB. Every error names the document or object and the field.
 */
final class Admission {
    static final int MAX_MANIFEST_BYTES = 1024 * 1024;
    static final String DEFAULT_NAMESPACE = "default";
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** Set by the server; a client's copy (from a previous get) is dropped. */
    private static final List<String> SERVER_METADATA = List.of("resourceVersion", "generation", "creationTimestamp",
            "uid", "managedFields", "selfLink");
    /** Who made the last change through the API (the caller's IAM ARN); set by the server only. */
    static final String MODIFIED_BY = "rset.dev/last-modified-by";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Admission() {
    }

    /**
     * Admits one document of an apply on a route of {@code scope}; with {@link FieldValidation#WARN},
     * unknown fields are added to {@code warnings} instead of refused. A ResourceSet that prints a
     * provider's free text unquoted is admitted with a warning naming each place.
     */
    /** The {@code notify.rset.dev/*} annotations, templates included, are checked here so a bad one never stores. */
    private static void notificationPolicy(ResourceSet rs) {
        try {
            NotificationPolicy.from(rs.metadata().annotations());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("ResourceSet " + rs.namespace() + "/" + rs.name() + ": " + e.getMessage());
        }
    }

    static Candidate admit(Object doc, int index, Scope scope, FieldValidation validation, List<String> warnings) {
        String where = "document " + (index + 1);
        if (!(doc instanceof Map<?, ?> raw)) {
            throw ApiException.invalid(where + ": expected an object, got " + describe(doc));
        }
        Map<String, Object> manifest = deepCopy(raw);
        Object kindValue = manifest.get("kind");
        if (!(kindValue instanceof String kindName) || kindName.isEmpty()) {
            throw ApiException.invalid(where + ": kind: required field is missing");
        }
        Kind kind = Kind.byKind(kindName).orElseThrow(() -> ApiException.invalid(where + ": kind: unsupported kind \""
                + kindName + "\", must be one of " + Arrays.stream(Kind.values()).map(Kind::kind)
                .collect(Collectors.joining(", "))));
        manifest.remove("status");
        Object metaValue = manifest.get("metadata");
        if (metaValue != null && !(metaValue instanceof Map<?, ?>)) {
            throw ApiException.invalid(where + " (" + kindName + "): metadata: expected an object, got "
                    + describe(metaValue));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = metaValue == null ? new LinkedHashMap<>() : (Map<String, Object>) metaValue;
        manifest.put("metadata", meta);
        OptionalLong expected = resourceVersion(meta, where, kindName);
        inScope(scope, kind, meta, where + " (" + kindName + ")");
        unknownFields(manifest, validation, warnings, kindName + " " + displayName(kind, meta));
        SERVER_METADATA.forEach(meta::remove);
        if (meta.get("annotations") instanceof Map<?, ?> a) {
            a.remove(MODIFIED_BY);
        }

        String inlineKubeconfig = "";
        boolean disabled;
        try {
            switch (kind) {
                case RESOURCE_SET -> {
                    ResourceSet rs = ResourceSet.from(manifest);
                    Placement.selector(rs.metadata(), kindName + " " + rs.namespace() + "/" + rs.name());
                    ManifestRules.check(rs);
                    templatesParse(rs);
                    notificationPolicy(rs);
                    // Stored all the same, as the Flux Operator would; the author hears where, by line:column.
                    UnquotedInputs.in(rs).forEach(u -> warnings.add(kindName + " " + rs.namespace() + "/" + rs.name()
                            + ": " + u.message()));
                    disabled = rs.isDisabled();
                }
                case RESOURCE_SET_INPUT_PROVIDER -> {
                    ResourceSetInputProvider p = ResourceSetInputProvider.from(manifest);
                    ManifestRules.check(p);
                    DeliverySchedules.validate(p.spec().schedule(),
                            ReconcileTiming.forInputProvider(p.metadata().annotations()).timeout(),
                            kindName + " " + p.namespace() + "/" + p.name());
                    disabled = Annotations.DISABLED.equalsIgnoreCase(p.metadata().annotation(Annotations.RECONCILE));
                }
                case RECEIVER -> {
                    ManifestRules.check(Receiver.from(manifest));
                    disabled = false;
                }
                case CLUSTER -> {
                    Cluster c = Cluster.from(manifest);
                    ManifestRules.check(c);
                    if (c.auth() instanceof ClusterAuth.Kubeconfig k && k.inline()) {
                        inlineKubeconfig = k.value();
                    }
                    disabled = false;
                }
                default -> throw new IllegalStateException();
            }
        } catch (InvalidObjectException e) {
            throw ApiException.invalid(e.getMessage());
        }

        String name = (String) meta.get("name");
        String namespace = kind.namespaced() ? (String) meta.get("namespace") : "";
        String object = kindName + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw ApiException.invalid(object + ": metadata.name: \"" + name
                    + "\" must be a lowercase DNS subdomain (a-z, 0-9, '-' and '.')");
        }
        if (kind.namespaced() && !DNS_LABEL.matcher(namespace).matches()) {
            throw ApiException.invalid(object + ": metadata.namespace: \"" + namespace + "\" must be a DNS label");
        }
        int size = jsonSize(manifest);
        if (size > MAX_MANIFEST_BYTES) {
            throw ApiException.invalid(object + ": the manifest is " + size + " bytes, more than the limit of "
                    + MAX_MANIFEST_BYTES + " bytes (1 MiB)");
        }
        @SuppressWarnings("unchecked")
        Map<String, String> labels = meta.get("labels") instanceof Map<?, ?> l ? (Map<String, String>) l : Map.of();
        return new Candidate(new ObjectKey(kind, namespace, name), manifest, labels, expected, inlineKubeconfig,
                disabled);
    }

    /**
     * The route decides where the object may go: a namespace route takes namespaced objects of that
     * namespace (an object without one goes there, as with {@code kubectl apply -n}), the clusters
     * route takes Clusters; the global route puts an object without a namespace in "default".
     */
    private static void inScope(Scope scope, Kind kind, Map<String, Object> meta, String where) {
        Object ns = meta.get("namespace");
        boolean missing = ns == null || "".equals(ns);
        if (scope instanceof Scope.Namespace n) {
            if (!kind.namespaced()) {
                throw ApiException.invalid(where + ": " + kind.kind() + " is cluster-scoped: apply it with "
                        + "POST /v1/clusters, not in namespace \"" + n.name() + "\"");
            }
            if (missing) {
                meta.put("namespace", n.name());
            } else if (!n.name().equals(ns)) {
                throw ApiException.invalid(where + ": metadata.namespace: \"" + ns + "\" does not match the "
                        + "namespace of the request \"" + n.name() + "\"");
            }
        } else if (scope instanceof Scope.Clusters) {
            if (kind.namespaced()) {
                throw ApiException.invalid(where + ": " + kind.kind() + " is namespaced: apply it with "
                        + "POST /v1/namespaces/{namespace}/apply");
            }
        } else if (kind.namespaced() && missing) {
            meta.put("namespace", DEFAULT_NAMESPACE);
        }
    }

    private static void unknownFields(Map<String, Object> manifest, FieldValidation validation, List<String> warnings,
            String object) {
        if (validation == FieldValidation.IGNORE) {
            return;
        }
        List<String> unknown = ManifestSchemas.unknownFields(manifest);
        if (unknown.isEmpty()) {
            return;
        }
        if (validation == FieldValidation.STRICT) {
            throw ApiException.badRequest(object + ": strict decoding error: " + unknown.stream()
                    .map(f -> "unknown field \"" + f + "\"").collect(Collectors.joining(", "))
                    + " (apply with fieldValidation=Warn to store it without them)");
        }
        unknown.forEach(f -> warnings.add(object + ": unknown field \"" + f + "\""));
    }

    private static String displayName(Kind kind, Map<String, Object> meta) {
        String name = String.valueOf(meta.getOrDefault("name", ""));
        return kind.namespaced() ? meta.get("namespace") + "/" + name : name;
    }

    private static void templatesParse(ResourceSet rs) {
        try {
            TemplateCheck.parseAll(rs);
        } catch (BuildException e) {
            throw ApiException.invalid(ResourceSet.KIND + " " + rs.namespace() + "/" + rs.name() + ": "
                    + e.getMessage());
        }
    }

    private static OptionalLong resourceVersion(Map<String, Object> meta, String where, String kind) {
        Object rv = meta.get("resourceVersion");
        if (rv == null || "".equals(rv)) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(rv.toString());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(v);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(where + " (" + kind + "): metadata.resourceVersion: \"" + rv
                    + "\" is not a resourceVersion returned by this API");
        }
    }

    static int jsonSize(Object value) {
        try {
            return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("the manifest cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** Equal as JSON documents: {@code 1} read as an int equals {@code 1} read back as a long. */
    static boolean sameJson(Object a, Object b) {
        try {
            return CANONICAL.writeValueAsString(a).equals(CANONICAL.writeValueAsString(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
        return out;
    }

    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy(m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Admission::copy).collect(Collectors.toCollection(java.util.ArrayList::new));
        }
        return v;
    }

    private static String describe(Object v) {
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String) {
            return "a string";
        }
        return v == null ? "null" : "a " + v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
