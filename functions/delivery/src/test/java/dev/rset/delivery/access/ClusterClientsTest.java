package dev.rset.delivery.access;

import dev.rset.core.api.Cluster;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import dev.rset.delivery.Identity;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterClientsTest {
    static final AccessSettings SETTINGS = new AccessSettings("rset", true, Set.of("123456789012"), "ext", "",
            "us-east-1", Duration.ofSeconds(2), Duration.ofSeconds(3));
    static final String SECRET = "rset/clusters/prod/kubeconfig";
    static final String CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t";

    final Map<String, String> secrets = new HashMap<>();
    final List<String> eksCalls = new ArrayList<>();
    final ClusterClients clients = new ClusterClients(SETTINGS, ref -> Optional.ofNullable(secrets.get(ref)),
            AddressPolicy.system(true), (name, eks) -> {
                eksCalls.add(name + " " + eks.clusterName() + " " + eks.roleArn());
                return "k8s-aws-v1.TOKEN";
            });

    static String kubeconfig(String server, String userLine) {
        return """
                apiVersion: v1
                clusters: [{name: c, cluster: {server: "%s", certificate-authority-data: %s}}]
                users: [{name: u, user: {%s}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                """.formatted(server, CA, userLine);
    }

    static Cluster cluster(String server, Map<String, Object> auth) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("server", server);
        spec.put("auth", auth);
        return Cluster.from(Map.of("apiVersion", Cluster.API_VERSION, "kind", Cluster.KIND, "metadata",
                Map.of("name", "prod"), "spec", spec));
    }

    static Cluster byRef(String server, String ref) {
        return cluster(server, Map.of("kubeconfig", Map.of("secretRef", Map.of("name", ref))));
    }

    @Test
    void configComesFromTheClusterOnlyWithImpersonation(@TempDir Path dir) throws IOException {
        secrets.put(SECRET, kubeconfig("https://127.0.0.1:6443", "token: SECRET-TOKEN"));
        Path evil = dir.resolve("config");
        Files.writeString(evil, kubeconfig("https://evil.example.com", "token: EVIL").replace("contexts:",
                "current-context: x\ncontexts:"));
        Map<String, String> props = Map.of("kubernetes.master", "https://evil.example.com",
                "kubernetes.auth.token", "EVIL", "kubeconfig", evil.toString(), "kubernetes.trust.certificates", "true",
                "kubernetes.impersonate.username", "evil", "https.proxy", "http://proxy.example.com:3128");
        props.forEach(System::setProperty);
        Config config;
        try {
            config = clients.config(byRef("https://127.0.0.1:6443", SECRET), Identity.serviceAccount("apps", "deployer"));
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
        assertEquals("https://127.0.0.1:6443/", config.getMasterUrl());
        assertEquals("SECRET-TOKEN", config.getOauthToken());
        assertEquals(CA, config.getCaCertData());
        assertFalse(config.isTrustCerts());
        assertNull(config.getFile(), "no kubeconfig file is read");
        assertNull(config.getHttpsProxy());
        assertEquals("system:serviceaccount:apps:deployer", config.getImpersonateUsername());
        assertArrayEquals(new String[] {"system:serviceaccounts", "system:serviceaccounts:apps"},
                config.getImpersonateGroups());
        assertEquals(2000, config.getConnectionTimeout());
        assertEquals(3000, config.getRequestTimeout());

        Config plain = clients.config(byRef("https://127.0.0.1:6443", SECRET), Identity.CONTROL_PLANE);
        assertNull(plain.getImpersonateUsername());
    }

    @Test
    void clientCertificatesAndClusterCaData() {
        secrets.put(SECRET, kubeconfig("https://127.0.0.1:6443", "client-certificate-data: Q0VSVA==, client-key-data: S0VZ"));
        Map<String, Object> auth = Map.of("kubeconfig", Map.of("secretRef", Map.of("name", SECRET)));
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("server", "https://127.0.0.1:6443", "auth", auth,
                "caData", "T1RIRVItQ0E="));
        Cluster c = Cluster.from(Map.of("apiVersion", Cluster.API_VERSION, "kind", Cluster.KIND, "metadata",
                Map.of("name", "prod"), "spec", spec));
        Config config = clients.config(c, Identity.CONTROL_PLANE);
        assertEquals("Q0VSVA==", config.getClientCertData());
        assertEquals("S0VZ", config.getClientKeyData());
        assertNull(config.getOauthToken());
        assertEquals("T1RIRVItQ0E=", config.getCaCertData(), "spec.caData wins over the kubeconfig's");
    }

    @Test
    void eksClustersUseAnIamToken() {
        Cluster c = cluster("https://127.0.0.1:6443", Map.of("eks", Map.of("clusterName", "prod-eks",
                "roleArn", "arn:aws:iam::123456789012:role/rset")));
        assertEquals("k8s-aws-v1.TOKEN", clients.config(c, Identity.CONTROL_PLANE).getOauthToken());
        assertEquals(List.of("prod prod-eks arn:aws:iam::123456789012:role/rset"), eksCalls);
    }

    static DeliveryException refused(ClusterClients clients, Cluster c) {
        DeliveryException e = assertThrows(DeliveryException.class, () -> clients.config(c, Identity.CONTROL_PLANE));
        assertEquals(Reason.REFUSED_ACCESS, e.reason());
        return e;
    }

    @Test
    void refusalsAtConnectTime() {
        secrets.put("other/db-password", kubeconfig("https://127.0.0.1:6443", "token: T"));
        assertEquals("cluster prod: spec.auth.kubeconfig.secretRef.name: \"other/db-password\" is not a secret of this "
                + "control plane: it must start with \"rset/clusters/\"",
                refused(clients, byRef("https://127.0.0.1:6443", "other/db-password")).getMessage());
        assertEquals("cluster prod: spec.auth.kubeconfig.secretRef.name: the secret \"rset/clusters/gone\" does not exist",
                refused(clients, byRef("https://127.0.0.1:6443", "rset/clusters/gone")).getMessage());
        secrets.put(SECRET, kubeconfig("https://169.254.169.254", "token: T"));
        assertTrue(refused(clients, byRef("https://169.254.169.254", SECRET)).getMessage()
                .startsWith("cluster prod: spec.server: \"https://169.254.169.254\" is a link-local address"));
        secrets.put(SECRET, kubeconfig("https://127.0.0.1:6443", "exec: {command: sh}"));
        assertEquals("cluster prod: kubeconfig in secret \"rset/clusters/prod/kubeconfig\": users[0].user.exec: "
                + "credential plugins are not allowed: they run a command on the control plane",
                refused(clients, byRef("https://127.0.0.1:6443", SECRET)).getMessage());

        ClusterClients strict = new ClusterClients(new AccessSettings("rset", false, Set.of(), "", "", "us-east-1",
                Duration.ofSeconds(2), Duration.ofSeconds(2)), ref -> Optional.of(kubeconfig("https://127.0.0.1:6443",
                "token: T")), AddressPolicy.system(false), (n, e) -> "never");
        assertTrue(refused(strict, byRef("https://127.0.0.1:6443", SECRET)).getMessage().contains("loopback"));
    }

    @Test
    void anUnreachableServerIsReportedWithoutCredentials() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String server = "https://127.0.0.1:" + port;
        secrets.put(SECRET, kubeconfig(server, "token: SECRET-TOKEN"));
        DeliveryException e = assertThrows(DeliveryException.class, () -> clients.serverVersion(byRef(server, SECRET)));
        assertEquals(Reason.UNREACHABLE, e.reason());
        assertTrue(e.getMessage().startsWith("cluster prod (" + server + "): cannot connect: "), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET-TOKEN"));
    }

    @Test
    void aBrokenCaBundleIsAFailureToConnectNotACrash() {
        Map<String, Object> auth = Map.of("kubeconfig", Map.of("secretRef", Map.of("name", SECRET)));
        Cluster c = Cluster.from(Map.of("apiVersion", Cluster.API_VERSION, "kind", Cluster.KIND, "metadata",
                Map.of("name", "prod"), "spec", Map.of("server", "https://127.0.0.1:6443", "auth", auth,
                        "caData", "bm90IGEgY2VydGlmaWNhdGU=")));
        secrets.put(SECRET, kubeconfig("https://127.0.0.1:6443", "token: SECRET-TOKEN"));
        DeliveryException e = assertThrows(DeliveryException.class, () -> clients.serverVersion(c));
        assertEquals(Reason.UNREACHABLE, e.reason());
        assertTrue(e.getMessage().startsWith("cluster prod (https://127.0.0.1:6443): "), e.getMessage());
    }

    @Test
    void clientsNeverFollowRedirectsNorUseProxies() {
        secrets.put(SECRET, kubeconfig("https://127.0.0.1:6443", "token: T"));
        try (KubernetesClient client = clients.open(byRef("https://127.0.0.1:6443", SECRET), Identity.CONTROL_PLANE)) {
            HttpClient jdk = JdkClients.of(client.getHttpClient());
            assertEquals(HttpClient.Redirect.NEVER, jdk.followRedirects());
            assertSame(HttpClient.Builder.NO_PROXY, jdk.proxy().orElseThrow());
        }
    }

    @Test
    void theConnectorHandsTheClientToTheSessionAndClosesItOnFailure() {
        secrets.put(SECRET, kubeconfig("https://127.0.0.1:6443", "token: T"));
        List<KubernetesClient> seen = new ArrayList<>();
        Fabric8ClusterConnector failing = new Fabric8ClusterConnector(clients, (name, client) -> {
            seen.add(client);
            throw new IllegalStateException("no session for " + name);
        });
        assertEquals("no session for prod", assertThrows(IllegalStateException.class,
                () -> failing.open(byRef("https://127.0.0.1:6443", SECRET), Identity.CONTROL_PLANE)).getMessage());
        assertEquals(1, seen.size());
        assertTrue(Arrays.stream(new KubernetesClient[] {seen.get(0)}).allMatch(c -> c.getHttpClient().isClosed()));

        ClusterSession session = new Fabric8ClusterConnector(clients, SessionStub::new)
                .open(byRef("https://127.0.0.1:6443", SECRET), Identity.serviceAccount("apps", "deployer"));
        assertEquals("prod", session.cluster());
        session.close();
    }

    /** Only what the connector hands over; delivery's real session lives on the delivery branch. */
    record SessionStub(String cluster, KubernetesClient client) implements ClusterSession {
        @Override
        public List<dev.rset.delivery.Change> apply(List<Map<String, Object>> objects, dev.rset.delivery.ApplyOptions o) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.rset.delivery.Change> prune(List<dev.rset.delivery.ObjectRef> stale, Map<String, String> l,
                Duration t) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.rset.delivery.Health waitForHealthy(List<dev.rset.delivery.ObjectRef> objects, Duration t) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Map<String, Object>> get(dev.rset.delivery.ObjectRef object) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
