package dev.rset.core.api;

import dev.rset.core.yaml.ManifestSchema;
import dev.rset.core.yaml.StringTargets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The string fields of each kind this control plane reads, so that manifests are read as the
 * Flux Operator reads them: with sigs.k8s.io/yaml into the Go API types, where a number or
 * boolean written in a string field becomes that string. The paths follow the Go types
 * (fluxcd.controlplane.io/v1, notification.toolkit.fluxcd.io/v1 Receiver, our Cluster);
 * {@code Duration} fields are not strings to Go (they decode themselves) and are not listed.
 */
public final class ManifestSchemas {
    private static final List<String> OBJECT = List.of("apiVersion", "kind", "metadata.name",
            "metadata.generateName", "metadata.namespace", "metadata.uid", "metadata.resourceVersion",
            "metadata.labels.*", "metadata.annotations.*", "metadata.finalizers[]");

    private static final List<String> SELECTOR = List.of("matchLabels.*", "matchExpressions[].key",
            "matchExpressions[].operator", "matchExpressions[].values[]");

    private static final StringTargets RESOURCE_SET = targets(Stream.of(
            List.of("spec.commonMetadata.labels.*", "spec.commonMetadata.annotations.*", "spec.inputStrategy.name",
                    "spec.inputsFrom[].apiVersion", "spec.inputsFrom[].kind", "spec.inputsFrom[].name",
                    "spec.resourcesTemplate", "spec.steps[].name", "spec.steps[].resourcesTemplate",
                    "spec.dependsOn[].apiVersion", "spec.dependsOn[].kind", "spec.dependsOn[].name",
                    "spec.dependsOn[].namespace", "spec.dependsOn[].readyExpr", "spec.serviceAccountName"),
            prefixed("spec.inputsFrom[].selector.", SELECTOR)));

    private static final StringTargets PROVIDER = targets(Stream.of(List.of("spec.type", "spec.url",
            "spec.serviceAccountName", "spec.secretRef.name", "spec.certSecretRef.name",
            "spec.filter.includeBranch", "spec.filter.excludeBranch", "spec.filter.includeTag",
            "spec.filter.excludeTag", "spec.filter.includeEnvironment", "spec.filter.excludeEnvironment",
            "spec.filter.labels[]", "spec.filter.semver", "spec.skip.labels[]", "spec.schedule[].cron",
            "spec.schedule[].timeZone", "spec.selectors[].name", "spec.selectors[].namespace")));

    private static final StringTargets RECEIVER = targets(Stream.of(List.of("spec.type", "spec.events[]",
            "spec.resourceFilter", "spec.secretRef.name", "spec.resources[].apiVersion", "spec.resources[].kind",
            "spec.resources[].name", "spec.resources[].namespace", "spec.resources[].matchLabels.*")));

    private static final StringTargets CLUSTER = targets(Stream.of(List.of("spec.server", "spec.caData",
            "spec.serviceAccountName", "spec.auth.kubeconfig.secretRef.name", "spec.auth.kubeconfig.value",
            "spec.auth.eks.clusterName", "spec.auth.eks.roleArn", "spec.auth.eks.region")));

    private static final StringTargets ANY_OBJECT = targets(Stream.empty());

    /** Chooses by {@code kind}; other kinds get the fields every Kubernetes object has. */
    public static final ManifestSchema ALL = ManifestSchemas::targets;

    private ManifestSchemas() {
    }

    private static StringTargets targets(Map<String, Object> object) {
        Object kind = object.get("kind");
        if (!(kind instanceof String k)) {
            return ANY_OBJECT;
        }
        return switch (k) {
            case ResourceSet.KIND -> RESOURCE_SET;
            case ResourceSetInputProvider.KIND -> PROVIDER;
            case Receiver.KIND -> RECEIVER;
            case Cluster.KIND -> CLUSTER;
            default -> ANY_OBJECT;
        };
    }

    private static StringTargets targets(Stream<List<String>> paths) {
        return StringTargets.of(Stream.concat(Stream.of(OBJECT), paths).flatMap(List::stream).toList());
    }

    private static List<String> prefixed(String prefix, List<String> paths) {
        return paths.stream().map(p -> prefix + p).toList();
    }
}
