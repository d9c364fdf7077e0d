package dev.rset.delivery.kube;

import dev.rset.delivery.ObjectRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** Sets an object's status through its status subresource, as its controller would (none runs in the test clusters). */
final class StatusWriter {
    private final KubernetesClient client;

    StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    void set(ObjectRef ref, Map<String, Object> status) {
        var type = new Kinds("test", client).find(ref).orElseThrow();
        var ops = client.genericKubernetesResources(type);
        var named = type.isNamespaceScoped() ? ops.inNamespace(ref.namespace()).withName(ref.name()) : ops.withName(ref.name());
        named.editStatus(live -> {
            live.setAdditionalProperty("status", status);
            return live;
        });
    }

    long generation(ObjectRef ref) {
        var type = new Kinds("test", client).find(ref).orElseThrow();
        return client.genericKubernetesResources(type).inNamespace(ref.namespace()).withName(ref.name()).get()
                .getMetadata().getGeneration();
    }
}
