package dev.rset.delivery.apply;

import dev.rset.delivery.ObjectRef;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which objects are applied, as Flux's server-side apply manager orders them: kinds
 * that others depend on first (the well-known install order), unknown kinds (custom resources)
 * after them in kind order, admission webhooks last so they cannot block the objects applied
 * with them; then by namespace and name, so the order never depends on the input's.
 */
public final class ApplyOrder {
    private static final List<String> FIRST = List.of(
            "CustomResourceDefinition", "Namespace", "ResourceQuota", "StorageClass", "ServiceAccount",
            "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap",
            "Secret", "Service", "LimitRange", "PriorityClass", "Deployment", "StatefulSet", "CronJob",
            "PodDisruptionBudget");
    private static final List<String> LAST = List.of(
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

    /** Orders objects by kind priority, kind, namespace, name. */
    public static final Comparator<ObjectRef> REFS = Comparator
            .comparingInt((ObjectRef r) -> priority(r.kind()))
            .thenComparing(ObjectRef::kind)
            .thenComparing(ObjectRef::namespace)
            .thenComparing(ObjectRef::name);

    static final Comparator<Target> TARGETS = Comparator.comparing(Target::ref, REFS);

    private ApplyOrder() {
    }

    static int priority(String kind) {
        int first = FIRST.indexOf(kind);
        if (first >= 0) {
            return first;
        }
        int last = LAST.indexOf(kind);
        return last >= 0 ? FIRST.size() + 1 + last : FIRST.size();
    }

    /** The three stages: definitions that later objects need, then cluster-scoped, then namespaced. */
    public enum Stage {
        DEFINITIONS, CLUSTER_SCOPED, NAMESPACED;

        public static Stage of(String group, String kind, boolean namespaced) {
            boolean definition = ("apiextensions.k8s.io".equals(group) && "CustomResourceDefinition".equals(kind))
                    || (group.isEmpty() && "Namespace".equals(kind));
            if (definition) {
                return DEFINITIONS;
            }
            return namespaced ? NAMESPACED : CLUSTER_SCOPED;
        }
    }
}
