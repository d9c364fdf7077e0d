package dev.rset.delivery.apply;

import dev.rset.delivery.ObjectRef;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;

/** A rendered object with the API type the cluster serves it as (its plural and scope). */
public record Target(ObjectRef ref, ResourceDefinitionContext type, Map<String, Object> object) {
}
