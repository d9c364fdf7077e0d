package dev.rset.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresourceStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;

/**
 * Minimal CRDs of the two Flux kinds a preview environment renders, so that the test clusters
 * (which run no Flux) accept them: {@code source.toolkit.fluxcd.io/v1} GitRepository and
 * {@code helm.toolkit.fluxcd.io/v2} HelmRelease, any spec, with a status subresource as Flux's own.
 */
public final class FluxCrds {
    public static final String GIT_REPOSITORY = "source.toolkit.fluxcd.io/v1";
    public static final String HELM_RELEASE = "helm.toolkit.fluxcd.io/v2";
    private static final String FIELD_MANAGER = "rset-e2e";

    private FluxCrds() {
    }

    /** Installs (or re-applies) both CRDs and waits until the API server serves them. */
    public static void install(KubernetesClient admin) {
        List<CustomResourceDefinition> crds = List.of(
                crd(GIT_REPOSITORY, "GitRepository", "gitrepositories"),
                crd(HELM_RELEASE, "HelmRelease", "helmreleases"));
        for (CustomResourceDefinition crd : crds) {
            admin.apiextensions().v1().customResourceDefinitions().resource(crd).fieldManager(FIELD_MANAGER)
                    .forceConflicts().serverSideApply();
        }
        for (CustomResourceDefinition crd : crds) {
            String name = crd.getMetadata().getName();
            Await.until("CRD " + name + " established on " + admin.getMasterUrl(), Duration.ofSeconds(30),
                    () -> established(admin, name));
        }
    }

    public static GenericKubernetesResource gitRepository(KubernetesClient c, String namespace, String name) {
        return c.genericKubernetesResources(GIT_REPOSITORY, "GitRepository").inNamespace(namespace).withName(name)
                .get();
    }

    public static GenericKubernetesResource helmRelease(KubernetesClient c, String namespace, String name) {
        return c.genericKubernetesResources(HELM_RELEASE, "HelmRelease").inNamespace(namespace).withName(name).get();
    }

    private static boolean established(KubernetesClient admin, String name) {
        CustomResourceDefinition crd = admin.apiextensions().v1().customResourceDefinitions().withName(name).get();
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static CustomResourceDefinition crd(String apiVersion, String kind, String plural) {
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(plural + "." + group).endMetadata()
                .withNewSpec().withGroup(group).withScope("Namespaced")
                .withNewNames().withKind(kind).withListKind(kind + "List").withPlural(plural)
                .withSingular(kind.toLowerCase(java.util.Locale.ROOT)).endNames()
                .addNewVersion().withName(version).withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema()
                .withNewSubresources().withStatus(new CustomResourceSubresourceStatus()).endSubresources()
                .endVersion().endSpec().build();
    }
}
