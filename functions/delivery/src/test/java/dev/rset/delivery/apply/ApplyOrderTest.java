package dev.rset.delivery.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.delivery.ObjectRef;
import dev.rset.delivery.apply.ApplyOrder.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyOrderTest {
    private static ObjectRef ref(String group, String kind, String namespace, String name) {
        return new ObjectRef(group, "v1", kind, namespace, name);
    }

    @Test
    void knownKindsFirstThenCustomKindsThenWebhooksEachByNamespaceAndName() {
        List<ObjectRef> refs = List.of(
                ref("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", "", "check"),
                ref("source.toolkit.fluxcd.io", "GitRepository", "apps", "repo"),
                ref("apps", "Deployment", "apps", "web"),
                ref("helm.toolkit.fluxcd.io", "HelmRelease", "apps", "b"),
                ref("helm.toolkit.fluxcd.io", "HelmRelease", "apps", "a"),
                ref("", "ConfigMap", "b", "x"),
                ref("", "ConfigMap", "a", "y"),
                ref("", "ServiceAccount", "apps", "sa"));

        assertEquals(List.of("ServiceAccount/apps/sa", "ConfigMap/a/y", "ConfigMap/b/x", "Deployment/apps/web",
                        "GitRepository/apps/repo", "HelmRelease/apps/a", "HelmRelease/apps/b", "ValidatingWebhookConfiguration/check"),
                refs.stream().sorted(ApplyOrder.REFS).map(ObjectRef::toString).toList());
    }

    @Test
    void definitionsAreCustomResourceDefinitionsAndNamespacesOnly() {
        assertEquals(Stage.DEFINITIONS, Stage.of("apiextensions.k8s.io", "CustomResourceDefinition", false));
        assertEquals(Stage.DEFINITIONS, Stage.of("", "Namespace", false));
        assertEquals(Stage.CLUSTER_SCOPED, Stage.of("example.com", "Namespace", false));
        assertEquals(Stage.CLUSTER_SCOPED, Stage.of("rbac.authorization.k8s.io", "ClusterRole", false));
        assertEquals(Stage.NAMESPACED, Stage.of("", "ConfigMap", true));
    }
}
