package dev.rset.testclusters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestClustersExtension.class)
class TestClustersTest {
    private static final Pattern RESOURCE_VERSION = Pattern.compile("\"resourceVersion\":\"(\\d+)\"");

    private final TestClusters clusters;
    private final ClusterApi a;
    private final ClusterApi b;

    TestClustersTest(TestClusters clusters) {
        this.clusters = clusters;
        this.a = new ClusterApi(clusters.a());
        this.b = new ClusterApi(clusters.b());
    }

    @Test
    void bothClustersAreReadyAndServeTheirOwnPort() throws Exception {
        assertEquals("ok", a.get("/readyz").body());
        assertEquals("ok", b.get("/readyz").body());
        assertNotEquals(clusters.a().server(), clusters.b().server());
    }

    @Test
    void rbacAppliesAndTheAdminTokenIsAnAdmin() throws Exception {
        assertEquals(403, a.getAnonymously("/api/v1/namespaces").statusCode());
        assertEquals(200, a.get("/api/v1/namespaces").statusCode());
    }

    @Test
    void anObjectCreatedOnAIsAbsentOnB() throws Exception {
        String ns = uniqueName();
        assertEquals(201, a.post("/api/v1/namespaces", namespace(ns)).statusCode());

        assertEquals(200, a.get("/api/v1/namespaces/" + ns).statusCode());
        assertEquals(404, b.get("/api/v1/namespaces/" + ns).statusCode());
    }

    @Test
    void deletingANamespaceRemovesItAndWhatIsInIt() throws Exception {
        String ns = uniqueName();
        assertEquals(201, a.post("/api/v1/namespaces", namespace(ns)).statusCode());
        assertEquals(201, a.post("/api/v1/namespaces/" + ns + "/configmaps",
                "{\"metadata\":{\"name\":\"settings\"},\"data\":{\"colour\":\"blue\"}}").statusCode());

        HttpResponse<String> deleted = a.delete("/api/v1/namespaces/" + ns);
        assertEquals(200, deleted.statusCode(), deleted::body);

        // The controller-manager's namespace controller empties the namespace and then removes it.
        try (Stream<String> events = a.watch("/api/v1/namespaces?watch=true&timeoutSeconds=120"
                + "&fieldSelector=metadata.name%3D" + ns + "&resourceVersion=" + resourceVersion(deleted.body()))) {
            assertTrue(events.anyMatch(e -> e.startsWith("{\"type\":\"DELETED\"")),
                    "namespace " + ns + " was not removed within the watch's 120 s");
        }
        assertEquals(404, a.get("/api/v1/namespaces/" + ns + "/configmaps/settings").statusCode());
    }

    @Test
    void aStoppedClusterRefusesConnectionsAndKeepsItsObjectsWhenStartedAgain() throws Exception {
        String ns = uniqueName();
        assertEquals(201, b.post("/api/v1/namespaces", namespace(ns)).statusCode());

        try {
            clusters.b().stop();
            assertThrows(ConnectException.class, () -> b.get("/readyz"));
            assertEquals("ok", a.get("/readyz").body());
        } finally {
            clusters.b().start();
        }

        assertEquals(200, b.get("/api/v1/namespaces/" + ns).statusCode());
    }

    @Test
    void theKubeconfigIsSelfContained() {
        KubeCluster cluster = clusters.a();
        String kubeconfig = cluster.kubeconfig();
        String caData = Base64.getEncoder().encodeToString((cluster.caPem() + "\n").getBytes(StandardCharsets.US_ASCII));
        assertAll(
                () -> assertTrue(kubeconfig.contains("server: " + cluster.server() + "\n"), kubeconfig),
                () -> assertTrue(kubeconfig.contains("certificate-authority-data: " + caData + "\n"), kubeconfig),
                () -> assertTrue(kubeconfig.contains("token: " + cluster.adminToken() + "\n")),
                () -> assertFalse(kubeconfig.contains("certificate-authority:"), kubeconfig),
                () -> assertFalse(kubeconfig.contains("tokenFile"), kubeconfig));
    }

    private static String uniqueName() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String namespace(String name) {
        return "{\"metadata\":{\"name\":\"" + name + "\"}}";
    }

    private static String resourceVersion(String object) {
        Matcher m = RESOURCE_VERSION.matcher(object);
        assertTrue(m.find(), object);
        return m.group(1);
    }
}
