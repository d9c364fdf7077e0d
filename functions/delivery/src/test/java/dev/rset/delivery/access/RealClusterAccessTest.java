package dev.rset.delivery.access;

import dev.rset.core.api.Cluster;
import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import dev.rset.delivery.Identity;
import dev.rset.testclusters.KubeCluster;
import dev.rset.testclusters.TestClusters;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connector against a real kube-apiserver (testenv/kubernetes): the admin kubeconfig, /version, impersonation. */
class RealClusterAccessTest {
    static final String SECRET = "rset/clusters/a/kubeconfig";
    static KubeCluster a;
    static ClusterClients clients;

    @BeforeAll
    static void start() {
        a = TestClusters.shared().a();
        AccessSettings settings = new AccessSettings("rset", true, Set.of(), "", "", "us-east-1",
                Duration.ofSeconds(5), Duration.ofSeconds(20));
        clients = new ClusterClients(settings, ref -> SECRET.equals(ref) ? Optional.of(a.kubeconfig()) : Optional.empty(),
                AddressPolicy.system(true), (name, eks) -> {
                    throw new AssertionError("no EKS here");
                });
    }

    static Cluster cluster(Map<String, Object> auth) {
        return Cluster.from(Map.of("apiVersion", Cluster.API_VERSION, "kind", Cluster.KIND, "metadata",
                Map.of("name", "a"), "spec", Map.of("server", a.server().toString(), "auth", auth)));
    }

    static final Map<String, Object> BY_REF = Map.of("kubeconfig", Map.of("secretRef", Map.of("name", SECRET)));

    @Test
    void connectsWithTheAdminKubeconfig() {
        new RegistrationChecks(new AccessSettings("rset", true, Set.of(), "", "", "us-east-1", Duration.ofSeconds(5), Duration.ofSeconds(5)), AddressPolicy.system(true),
                ref -> Optional.of(a.kubeconfig())).check(cluster(BY_REF));
        assertEquals("v1.37.2", clients.serverVersion(cluster(BY_REF)));
        assertEquals("v1.37.2", clients.serverVersion(cluster(Map.of("kubeconfig", Map.of("value", a.kubeconfig())))));
    }

    @Test
    void theCaGivenInTheClusterIsTheOneTrusted() throws Exception {
        // The test clusters share one CA, so take another: the first CA the JDK trusts.
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((java.security.KeyStore) null);
        java.security.cert.X509Certificate some = ((javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0])
                .getAcceptedIssuers()[0];
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(some.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        String otherCa = Base64.getEncoder().encodeToString(pem.getBytes());
        Cluster wrongCa = Cluster.from(Map.of("apiVersion", Cluster.API_VERSION, "kind", Cluster.KIND, "metadata",
                Map.of("name", "a"), "spec", Map.of("server", a.server().toString(), "auth", BY_REF, "caData", otherCa)));
        DeliveryException e = assertThrows(DeliveryException.class, () -> clients.serverVersion(wrongCa));
        assertEquals(Reason.UNREACHABLE, e.reason());
    }

    @Test
    void impersonatesTheServiceAccountWithItsGroups() {
        String ns = "access-" + UUID.randomUUID().toString().substring(0, 8);
        try (KubernetesClient admin = clients.open(cluster(BY_REF), Identity.CONTROL_PLANE)) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
            // configmaps for the service account's own user name, secrets for its namespace's group.
            admin.rbac().roles().inNamespace(ns).resource(new RoleBuilder().withNewMetadata().withName("cm")
                    .endMetadata().withRules(new PolicyRuleBuilder().withApiGroups("").withResources("configmaps")
                            .withVerbs("create", "get").build()).build()).create();
            admin.rbac().roles().inNamespace(ns).resource(new RoleBuilder().withNewMetadata().withName("secrets")
                    .endMetadata().withRules(new PolicyRuleBuilder().withApiGroups("").withResources("secrets")
                            .withVerbs("list").build()).build()).create();
            admin.rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder().withNewMetadata()
                    .withName("cm").endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "Role", "cm")
                    .withSubjects(new SubjectBuilder().withKind("ServiceAccount").withName("deployer")
                            .withNamespace(ns).build()).build()).create();
            admin.rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder().withNewMetadata()
                    .withName("secrets").endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "Role", "secrets")
                    .withSubjects(new SubjectBuilder().withKind("Group").withApiGroup("rbac.authorization.k8s.io")
                            .withName("system:serviceaccounts:" + ns).build()).build()).create();
        }

        ClusterSession session = new Fabric8ClusterConnector(clients, ClusterClientsTest.SessionStub::new)
                .open(cluster(BY_REF), Identity.serviceAccount(ns, "deployer"));
        try (session) {
            KubernetesClient asDeployer = ((ClusterClientsTest.SessionStub) session).client();
            asDeployer.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("ok")
                    .endMetadata().addToData("k", "v").build()).create();
            assertEquals(0, asDeployer.secrets().inNamespace(ns).list().getItems().size(), "allowed through the group");
            KubernetesClientException denied = assertThrows(KubernetesClientException.class,
                    () -> asDeployer.pods().inNamespace(ns).list());
            DeliveryException e = ClusterClients.failure(cluster(BY_REF), denied);
            assertEquals(Reason.FORBIDDEN, e.reason());
            assertEquals("cluster a (" + a.server() + "): pods is forbidden: User \"system:serviceaccount:" + ns
                    + ":deployer\" cannot list resource \"pods\" in API group \"\" in the namespace \"" + ns + "\"",
                    e.getMessage());
        }

        // A service account without any binding gets a clear Forbidden, and its identity is named.
        try (KubernetesClient nobody = clients.open(cluster(BY_REF), Identity.serviceAccount(ns, "nobody"))) {
            KubernetesClientException denied = assertThrows(KubernetesClientException.class,
                    () -> nobody.configMaps().inNamespace(ns).withName("ok").get());
            DeliveryException e = ClusterClients.failure(cluster(BY_REF), denied);
            assertEquals(Reason.FORBIDDEN, e.reason());
            assertTrue(e.getMessage().contains("User \"system:serviceaccount:" + ns + ":nobody\" cannot get resource "
                    + "\"configmaps\""), e.getMessage());
        }
    }

    @Test
    void anImpersonatedServiceAccountWithoutRightsAppliesNothing() {
        String ns = "access-" + UUID.randomUUID().toString().substring(0, 8);
        try (KubernetesClient admin = clients.open(cluster(BY_REF), Identity.CONTROL_PLANE)) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
        Map<String, Object> configMap = Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "app", "namespace", ns), "data", Map.of("k", "v"));
        try (ClusterSession session = new Fabric8ClusterConnector(clients).open(cluster(BY_REF),
                Identity.serviceAccount(ns, "nobody"))) {
            DeliveryException e = assertThrows(DeliveryException.class, () -> session.apply(List.of(configMap),
                    new ApplyOptions(ApplyOptions.FIELD_MANAGER, Map.of(), Duration.ofSeconds(20))));
            assertEquals(Reason.FORBIDDEN, e.reason());
            assertTrue(e.getMessage().contains("User \"system:serviceaccount:" + ns + ":nobody\" cannot"), e.getMessage());
        }
        try (KubernetesClient admin = clients.open(cluster(BY_REF), Identity.CONTROL_PLANE)) {
            assertEquals(null, admin.configMaps().inNamespace(ns).withName("app").get(), "nothing was applied");
        }
    }

    @Test
    void loopbackIsRefusedAtConnectTimeWithoutTheSetting() {
        ClusterClients strict = new ClusterClients(new AccessSettings("rset", false, Set.of(), "", "", "us-east-1",
                Duration.ofSeconds(5), Duration.ofSeconds(5)), ref -> Optional.of(a.kubeconfig()),
                AddressPolicy.system(false), (name, eks) -> "never");
        DeliveryException e = assertThrows(DeliveryException.class, () -> strict.serverVersion(cluster(BY_REF)));
        assertEquals(Reason.REFUSED_ACCESS, e.reason());
        assertTrue(e.getMessage().contains("a loopback address"), e.getMessage());
    }
}
