package dev.rset.core.api;

import dev.rset.core.yaml.ManifestSchema;
import dev.rset.core.yaml.StringTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of each kind this control plane reads, following the Go types
 * (fluxcd.controlplane.io/v1, notification.toolkit.fluxcd.io/v1 Receiver, our Cluster), in one
 * list per kind that serves two purposes:
 * <ul>
 * <li>manifests are read as the Flux Operator reads them, with sigs.k8s.io/yaml into the Go types,
 * where a number or boolean written in a string field becomes that string ({@link #ALL}); fields
 * that are not strings to Go ({@code Duration}s decode themselves, booleans, numbers) are not
 * converted;</li>
 * <li>fields the Go type does not have are found as Kubernetes' strict field validation finds them
 * ({@link #unknownFields}).</li>
 * </ul>
 */
public final class ManifestSchemas {
    /** How a field is read. */
    private enum Type {
        /** A Go string (or a map or list of strings): scalars written there become strings. */
        STRING,
        /** Any other scalar: a boolean, a number, a Duration or a Time. */
        VALUE,
        /** Free-form JSON (inputs, resources): any keys below it. */
        FREE_FORM
    }

    private record Field(String path, Type type) {
    }

    /** The fields of one kind, and what is derived from them. */
    private record Schema(StringTargets strings, KnownFields known) {
        static Schema of(List<Field> kindFields) {
            List<Field> all = new ArrayList<>(OBJECT);
            all.addAll(kindFields);
            return new Schema(StringTargets.of(all.stream().filter(f -> f.type() == Type.STRING).map(Field::path)
                    .toList()), KnownFields.of(all.stream().map(Field::path).toList()));
        }
    }

    private static final List<Field> OBJECT = fields(
            strings("apiVersion", "kind", "metadata.name", "metadata.generateName", "metadata.namespace",
                    "metadata.uid", "metadata.resourceVersion", "metadata.selfLink", "metadata.labels.*",
                    "metadata.annotations.*", "metadata.finalizers[]"),
            values("metadata.generation", "metadata.creationTimestamp", "metadata.deletionTimestamp",
                    "metadata.deletionGracePeriodSeconds"),
            freeForm("metadata.ownerReferences", "metadata.managedFields", "status"));

    private static List<Field> selector(String prefix) {
        return strings(prefix + "matchLabels.*", prefix + "matchExpressions[].key",
                prefix + "matchExpressions[].operator", prefix + "matchExpressions[].values[]");
    }

    private static final Schema RESOURCE_SET = Schema.of(fields(
            strings("spec.commonMetadata.labels.*", "spec.commonMetadata.annotations.*", "spec.inputStrategy.name",
                    "spec.inputsFrom[].apiVersion", "spec.inputsFrom[].kind", "spec.inputsFrom[].name",
                    "spec.resourcesTemplate", "spec.steps[].name", "spec.steps[].resourcesTemplate",
                    "spec.dependsOn[].apiVersion", "spec.dependsOn[].kind", "spec.dependsOn[].name",
                    "spec.dependsOn[].namespace", "spec.dependsOn[].readyExpr", "spec.serviceAccountName"),
            selector("spec.inputsFrom[].selector."),
            values("spec.inputStrategy.includeEmptyProviders", "spec.steps[].timeout", "spec.dependsOn[].ready",
                    "spec.wait"),
            freeForm("spec.inputs[]", "spec.resources[]", "spec.steps[].resources[]")));

    private static final Schema PROVIDER = Schema.of(fields(
            strings("spec.type", "spec.url", "spec.serviceAccountName", "spec.secretRef.name",
                    "spec.certSecretRef.name", "spec.filter.includeBranch", "spec.filter.excludeBranch",
                    "spec.filter.includeTag", "spec.filter.excludeTag", "spec.filter.includeEnvironment",
                    "spec.filter.excludeEnvironment", "spec.filter.labels[]", "spec.filter.semver",
                    "spec.skip.labels[]", "spec.schedule[].cron", "spec.schedule[].timeZone"),
            values("spec.insecure", "spec.filter.limit", "spec.schedule[].window"),
            freeForm("spec.defaultValues")));

    private static final Schema RECEIVER = Schema.of(fields(
            strings("spec.type", "spec.events[]", "spec.resourceFilter", "spec.secretRef.name",
                    "spec.resources[].apiVersion", "spec.resources[].kind", "spec.resources[].name",
                    "spec.resources[].namespace", "spec.resources[].matchLabels.*"),
            values("spec.interval", "spec.suspend")));

    private static final Schema CLUSTER = Schema.of(fields(
            strings("spec.server", "spec.caData", "spec.serviceAccountName", "spec.auth.kubeconfig.secretRef.name",
                    "spec.auth.kubeconfig.value", "spec.auth.eks.clusterName", "spec.auth.eks.roleArn",
                    "spec.auth.eks.region"),
            values("spec.network.allowPrivate")));

    private static final StringTargets ANY_OBJECT = StringTargets.of(OBJECT.stream()
            .filter(f -> f.type() == Type.STRING).map(Field::path).toList());

    /** Chooses by {@code kind}; other kinds get the fields every Kubernetes object has. */
    public static final ManifestSchema ALL = ManifestSchemas::targets;

    private ManifestSchemas() {
    }

    /**
     * The fields of {@code manifest} its kind does not have ({@code spec.commonMetdata},
     * {@code spec.inputsFrom[0].nmae}); none for kinds this control plane does not read.
     */
    public static List<String> unknownFields(Map<String, Object> manifest) {
        Schema s = schema(manifest);
        return s == null ? List.of() : s.known().unknown(manifest);
    }

    private static StringTargets targets(Map<String, Object> object) {
        Schema s = schema(object);
        return s == null ? ANY_OBJECT : s.strings();
    }

    private static Schema schema(Map<String, Object> object) {
        if (!(object.get("kind") instanceof String k)) {
            return null;
        }
        return switch (k) {
            case ResourceSet.KIND -> RESOURCE_SET;
            case ResourceSetInputProvider.KIND -> PROVIDER;
            case Receiver.KIND -> RECEIVER;
            case Cluster.KIND -> CLUSTER;
            default -> null;
        };
    }

    @SafeVarargs
    private static List<Field> fields(List<Field>... groups) {
        List<Field> out = new ArrayList<>();
        for (List<Field> g : groups) {
            out.addAll(g);
        }
        return List.copyOf(out);
    }

    private static List<Field> strings(String... paths) {
        return typed(Type.STRING, paths);
    }

    private static List<Field> values(String... paths) {
        return typed(Type.VALUE, paths);
    }

    private static List<Field> freeForm(String... paths) {
        return typed(Type.FREE_FORM, paths);
    }

    private static List<Field> typed(Type type, String... paths) {
        return java.util.Arrays.stream(paths).map(p -> new Field(p, type)).toList();
    }
}
