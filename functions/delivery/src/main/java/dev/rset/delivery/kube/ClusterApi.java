package dev.rset.delivery.kube;

import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.Optional;

/**
 * One cluster through fabric8's dynamic API: any kind, as plain maps, addressed by the type
 * discovery found. Shared by apply, prune and health for one session.
 */
public final class ClusterApi {
    private final String cluster;
    private final KubernetesClient client;
    private final Kinds kinds;

    public ClusterApi(String cluster, KubernetesClient client) {
        this.cluster = cluster;
        this.client = client;
        this.kinds = new Kinds(cluster, client);
    }

    public String cluster() {
        return cluster;
    }

    public Kinds kinds() {
        return kinds;
    }

    public NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            objects(ResourceDefinitionContext type, String namespace) {
        var all = client.genericKubernetesResources(type);
        return type.isNamespaceScoped() ? all.inNamespace(namespace) : all;
    }

    public Resource<GenericKubernetesResource> object(ResourceDefinitionContext type, ObjectRef ref) {
        return objects(type, ref.namespace()).withName(ref.name());
    }

    /** The object as stored, or empty when it does not exist (or its kind is no longer served). */
    public Optional<Map<String, Object>> get(ObjectRef ref) {
        Optional<ResourceDefinitionContext> type = kinds.find(ref);
        return type.isEmpty() ? Optional.empty() : get(type.get(), ref);
    }

    public Optional<Map<String, Object>> get(ResourceDefinitionContext type, ObjectRef ref) {
        try {
            return Optional.ofNullable(object(type, ref).get()).map(this::toMap);
        } catch (KubernetesClientException e) {
            throw failure(ref, e);
        }
    }

    public DeliveryException failure(ObjectRef ref, KubernetesClientException e) {
        return ApiErrors.of(cluster, ref, e);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap(GenericKubernetesResource resource) {
        return client.getKubernetesSerialization().convertValue(resource, Map.class);
    }

    public GenericKubernetesResource toResource(Map<String, Object> object) {
        return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    }
}
