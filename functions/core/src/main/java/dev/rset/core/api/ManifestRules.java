package dev.rset.core.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rules the Kubernetes API server and the Flux Operator's CRDs apply when an object is created,
 * checked by the management API before it stores one: label and annotation keys, label values,
 * selectors ({@code spec.schedule} is checked by {@code DeliverySchedules.validate}, the parser the
 * scheduler runs). They are not part of the typed readers ({@link ResourceSet#from} &amp;co.),
 * so that objects stored before a rule existed still read. Errors name the object and the field.
 */
public final class ManifestRules {
    private ManifestRules() {
    }

    public static void check(ResourceSet rs) {
        String object = ResourceSet.KIND + " " + Manifests.displayName(rs.metadata());
        metadata(object, rs.metadata());
        CommonMetadata common = rs.spec().commonMetadata();
        labels(object, "spec.commonMetadata.labels", common.labels());
        annotationKeys(object, "spec.commonMetadata.annotations", common.annotations());
        List<InputProviderReference> refs = rs.spec().inputsFrom();
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).selector() != null) {
                selector(object, "spec.inputsFrom[" + i + "].selector", refs.get(i).selector());
            }
        }
    }

    public static void check(ResourceSetInputProvider p) {
        String object = ResourceSetInputProvider.KIND + " " + Manifests.displayName(p.metadata());
        metadata(object, p.metadata());
        if (AwsSourceUrl.isAws(p.spec().type())) {
            awsUrl(object, p.spec());
        }
    }

    /** The Flux Operator's CRD: AWS sources authenticate with the function's role, never a secret. */
    private static void awsUrl(String object, ProviderSpec spec) {
        try {
            AwsSourceUrl.parse(spec.type(), spec.url());
        } catch (IllegalArgumentException e) {
            throw invalid(object, "spec.url", e.getMessage());
        }
        if (!spec.secretRef().isEmpty()) {
            throw invalid(object, "spec.secretRef", "cannot be set when spec.type is " + spec.type().wire()
                    + " (the function's own AWS role is used)");
        }
        if (!spec.certSecretRef().isEmpty()) {
            throw invalid(object, "spec.certSecretRef", "cannot be set when spec.type is " + spec.type().wire());
        }
    }

    public static void check(Receiver r) {
        String object = Receiver.KIND + " " + Manifests.displayName(r.metadata());
        metadata(object, r.metadata());
        for (int i = 0; i < r.resources().size(); i++) {
            labels(object, "spec.resources[" + i + "].matchLabels", r.resources().get(i).matchLabels());
        }
    }

    public static void check(Cluster c) {
        metadata(Cluster.KIND + " " + c.name(), c.metadata());
    }

    private static void metadata(String object, ObjectMeta meta) {
        labels(object, "metadata.labels", meta.labels());
        annotationKeys(object, "metadata.annotations", meta.annotations());
    }

    private static void labels(String object, String field, Map<String, String> labels) {
        new TreeMap<>(labels).forEach((k, v) -> {
            key(object, field, k);
            LabelSyntax.valueError(v).ifPresent(why -> {
                throw invalid(object, field + "[" + k + "]", "invalid label value \"" + v + "\": " + why);
            });
        });
    }

    private static void annotationKeys(String object, String field, Map<String, String> annotations) {
        new TreeMap<>(annotations).keySet().forEach(k -> key(object, field, k));
    }

    private static void key(String object, String field, String key) {
        LabelSyntax.keyError(key).ifPresent(why -> {
            throw invalid(object, field, "invalid key \"" + key + "\": " + why);
        });
    }

    private static void selector(String object, String field, LabelSelector selector) {
        labels(object, field + ".matchLabels", selector.matchLabels());
        List<LabelSelector.Requirement> exprs = selector.matchExpressions();
        for (int i = 0; i < exprs.size(); i++) {
            String at = field + ".matchExpressions[" + i + "]";
            key(object, at + ".key", exprs.get(i).key());
            for (String v : exprs.get(i).values()) {
                LabelSyntax.valueError(v).ifPresent(why -> {
                    throw invalid(object, at + ".values", "invalid label value \"" + v + "\": " + why);
                });
            }
        }
    }

    private static InvalidObjectException invalid(String object, String field, String message) {
        return new InvalidObjectException(object + ": " + field + ": " + message);
    }
}
