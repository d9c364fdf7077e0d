package dev.rset.core.builder;

import dev.rset.core.yaml.GoJson;
import dev.rset.core.yaml.GoYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns rendered text into objects the way fluxcd/pkg/ssa's ReadObject and ReadObjects do:
 * one object per resource (its kind required), or every Kubernetes object of a multi-document
 * template, dropping empty documents and documents without apiVersion, kind or name.
 */
final class ObjectReader {
    private ObjectReader() {
    }

    static Map<String, Object> readObject(String text) {
        Object doc = GoYaml.unmarshal(text);
        Map<String, Object> object = asObject(doc);
        if (KubeObjects.string(object, "kind").isEmpty()) {
            throw new BuildException("Object 'Kind' is missing in '" + compactJson(object) + "'");
        }
        return object;
    }

    static List<Map<String, Object>> readObjects(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object doc : GoYaml.unmarshalAll(text)) {
            if (doc == null) {
                continue;
            }
            Map<String, Object> object = asObject(doc);
            if (isList(object)) {
                for (Object item : (List<?>) object.get("items")) {
                    out.add(asObject(item));
                }
                continue;
            }
            if (isKubernetesObject(object) && !isKustomizeConfig(object)) {
                out.add(object);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object doc) {
        if (doc instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new BuildException("error unmarshaling JSON: json: cannot unmarshal " + jsonKind(doc)
                + " into Go value of type map[string]interface {}");
    }

    private static boolean isList(Map<String, Object> object) {
        return object.get("items") instanceof List<?> && KubeObjects.string(object, "kind").endsWith("List");
    }

    private static boolean isKubernetesObject(Map<String, Object> object) {
        return !KubeObjects.string(object, "apiVersion").isEmpty() && !KubeObjects.string(object, "kind").isEmpty()
                && !KubeObjects.metaString(object, "name").isEmpty();
    }

    // A kustomization.yaml in a template is configuration for kustomize, not an object to apply.
    private static boolean isKustomizeConfig(Map<String, Object> object) {
        return KubeObjects.string(object, "kind").equals("Kustomization")
                && KubeObjects.string(object, "apiVersion").startsWith("kustomize.config.k8s.io");
    }

    private static String jsonKind(Object doc) {
        if (doc instanceof List) {
            return "array";
        }
        if (doc instanceof String) {
            return "string";
        }
        if (doc instanceof Boolean) {
            return "bool";
        }
        return doc == null ? "null" : "number";
    }

    private static String compactJson(Map<String, Object> object) {
        return GoJson.marshal(object, true);
    }
}
