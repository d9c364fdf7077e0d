package dev.rset.core.builder;

import java.util.Map;

/**
 * The identity of a generated object on a cluster: group, kind, namespace, name. The version is
 * left out because one object is served under every version of its group.
 */
public record ObjectKey(String group, String kind, String namespace, String name) {
    public static ObjectKey of(Map<String, Object> object) {
        String apiVersion = KubeObjects.string(object, "apiVersion");
        int slash = apiVersion.indexOf('/');
        return new ObjectKey(slash < 0 ? "" : apiVersion.substring(0, slash), KubeObjects.string(object, "kind"),
                KubeObjects.metaString(object, "namespace"), KubeObjects.metaString(object, "name"));
    }

    /** {@code Kind/namespace/name}, as Flux prints objects in messages. */
    public String display() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }
}
