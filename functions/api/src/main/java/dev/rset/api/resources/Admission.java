package dev.rset.api.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.api.http.ApiException;
import dev.rset.core.api.Annotations;
import dev.rset.core.api.Cluster;
import dev.rset.core.api.ClusterAuth;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.Placement;
import dev.rset.core.api.ResourceSet;
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
 * Validates and normalises applied documents before anything is written: the kind is known,
 * the typed reader of core accepts it, names are Kubernetes names, and it is at most 1 MiB.
 * Every error names the document or object and the field.
 */
final class Admission {
    static final int MAX_MANIFEST_BYTES = 1024 * 1024;
    static final String DEFAULT_NAMESPACE = "default";
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** Set by the server; a client's copy (from a previous get) is dropped. */
    private static final List<String> SERVER_METADATA = List.of("resourceVersion", "generation", "creationTimestamp",
            "uid", "managedFields", "selfLink");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Admission() {
    }

    static Candidate admit(Object doc, int index) {
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
        SERVER_METADATA.forEach(meta::remove);
        if (kind.namespaced() && (meta.get("namespace") == null || "".equals(meta.get("namespace")))) {
            meta.put("namespace", DEFAULT_NAMESPACE);
        }

        String inlineKubeconfig = "";
        boolean disabled;
        try {
            switch (kind) {
                case RESOURCE_SET -> {
                    ResourceSet rs = ResourceSet.from(manifest);
                    Placement.selector(rs.metadata(), kindName + " " + rs.namespace() + "/" + rs.name());
                    disabled = rs.isDisabled();
                }
                case RESOURCE_SET_INPUT_PROVIDER -> {
                    ResourceSetInputProvider p = ResourceSetInputProvider.from(manifest);
                    DeliverySchedules.validate(p.spec().schedule(),
                            ReconcileTiming.forInputProvider(p.metadata().annotations()).timeout(),
                            kindName + " " + p.namespace() + "/" + p.name());
                    disabled = Annotations.DISABLED.equalsIgnoreCase(p.metadata().annotation(Annotations.RECONCILE));
                }
                case RECEIVER -> {
                    Receiver.from(manifest);
                    disabled = false;
                }
                case CLUSTER -> {
                    Cluster c = Cluster.from(manifest);
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

    private static int jsonSize(Object value) {
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
