package dev.rset.delivery.kube;

import dev.rset.delivery.ObjectRef;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds a cluster serves (its discovery documents), read once per API group version and
 * read again on a miss, so a kind whose CustomResourceDefinition was applied in this run is found.
 */
public final class Kinds {
    private final String cluster;
    private final KubernetesClient client;
    private final Map<String, List<APIResource>> served = new HashMap<>();

    public Kinds(String cluster, KubernetesClient client) {
        this.cluster = cluster;
        this.client = client;
    }

    public Optional<ResourceDefinitionContext> find(ObjectRef ref) {
        return find(ref.apiVersion(), ref.kind());
    }

    public Optional<ResourceDefinitionContext> find(String apiVersion, String kind) {
        Optional<ResourceDefinitionContext> cached = lookup(apiVersion, kind, served.get(apiVersion));
        if (cached.isPresent()) {
            return cached;
        }
        List<APIResource> fresh = read(apiVersion);
        served.put(apiVersion, fresh);
        return lookup(apiVersion, kind, fresh);
    }

    private List<APIResource> read(String apiVersion) {
        APIResourceList list;
        try {
            list = client.getApiResources(apiVersion);
        } catch (KubernetesClientException e) {
            throw ApiErrors.of(cluster, null, e);
        }
        return list == null || list.getResources() == null ? List.of() : list.getResources();
    }

    private static Optional<ResourceDefinitionContext> lookup(String apiVersion, String kind, List<APIResource> resources) {
        if (resources == null) {
            return Optional.empty();
        }
        return resources.stream()
                .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/")) // not a subresource
                .findFirst()
                .map(r -> ResourceDefinitionContext.fromApiResource(apiVersion, r));
    }
}
