package dev.rset.delivery.kube;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Rendered objects for the tests, as the builder hands them to delivery: plain maps. */
public final class Manifests {
    private Manifests() {
    }

    /** A name no other test run uses, so tests share the clusters without seeing each other. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static Map<String, Object> namespace(String name) {
        return map("apiVersion", "v1", "kind", "Namespace", "metadata", map("name", name));
    }

    public static Map<String, Object> configMap(String namespace, String name, Map<String, Object> data) {
        return map("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", map("name", name, "namespace", namespace), "data", data);
    }

    public static Map<String, Object> clusterRole(String name) {
        return map("apiVersion", "rbac.authorization.k8s.io/v1", "kind", "ClusterRole",
                "metadata", map("name", name),
                "rules", List.of(map("apiGroups", List.of(""), "resources", List.of("configmaps"), "verbs", List.of("get"))));
    }

    public static Map<String, Object> service(String namespace, String name, String clusterIp, Map<String, Object> annotations) {
        return map("apiVersion", "v1", "kind", "Service",
                "metadata", map("name", name, "namespace", namespace, "annotations", annotations),
                "spec", map("clusterIP", clusterIp, "ports", List.of(map("port", 80, "protocol", "TCP"))));
    }

    /** A Job: its {@code spec.template} cannot change once created. */
    public static Map<String, Object> job(String namespace, String name, String image, Map<String, Object> annotations) {
        return map("apiVersion", "batch/v1", "kind", "Job",
                "metadata", map("name", name, "namespace", namespace, "annotations", annotations),
                "spec", map("template", map("spec", map("restartPolicy", "Never",
                        "containers", List.of(map("name", "main", "image", image))))));
    }

    /** A namespaced CRD {@code <plural>.<group>} with a status subresource and an open schema. */
    public static Map<String, Object> crd(String group, String kind) {
        String plural = kind.toLowerCase() + "s";
        Map<String, Object> openObject = map("type", "object", "x-kubernetes-preserve-unknown-fields", true);
        return map("apiVersion", "apiextensions.k8s.io/v1", "kind", "CustomResourceDefinition",
                "metadata", map("name", plural + "." + group),
                "spec", map("group", group, "scope", "Namespaced",
                        "names", map("kind", kind, "plural", plural, "singular", kind.toLowerCase(), "listKind", kind + "List"),
                        "versions", List.of(map("name", "v1", "served", true, "storage", true,
                                "subresources", map("status", map()),
                                "schema", map("openAPIV3Schema", map("type", "object", "properties",
                                        map("spec", openObject, "status", openObject)))))));
    }

    public static Map<String, Object> custom(String group, String kind, String namespace, String name, Map<String, Object> spec) {
        return map("apiVersion", group + "/v1", "kind", kind,
                "metadata", map("name", name, "namespace", namespace), "spec", spec);
    }
}
