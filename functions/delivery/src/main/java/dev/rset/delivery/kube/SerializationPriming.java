package dev.rset.delivery.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming of what an apply does with objects before any request: each one converted to
 * fabric8's {@link GenericKubernetesResource} and written as the JSON of a server-side apply, and
 * back to a map, through fabric8's serialisation (Jackson 3). No client is built and no cluster is
 * called: that needs a kubeconfig from Secrets Manager and a connection, which must not be made
 * before a snapshot.
 */
public final class SerializationPriming {
    private SerializationPriming() {
    }

    /** The bytes of JSON the objects became; throws if one of them does not go through. */
    public static int run(List<Map<String, Object>> objects) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        int bytes = 0;
        for (Map<String, Object> object : objects) {
            GenericKubernetesResource resource = serialization.convertValue(object, GenericKubernetesResource.class);
            String json = serialization.asJson(resource);
            serialization.unmarshal(json, GenericKubernetesResource.class);
            bytes += json.length();
        }
        return bytes;
    }
}
