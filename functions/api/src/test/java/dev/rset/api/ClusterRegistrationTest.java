package dev.rset.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rset.api.ApiHandlerTest.at;
import static dev.rset.api.ApiHandlerTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registering a Cluster applies the control plane's access rules before anything is written, and
 * {@code POST /v1/clusters/NAME/check} records whether the cluster answers, through the real
 * handler on moto_server.
 */
@ExtendWith(MotoServer.class)
class ClusterRegistrationTest {
    MotoServer moto;
    String prefix;
    Map<String, String> env;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        var config = TestTables.newTable(TestTables.dynamo(moto), 2);
        prefix = "reg-" + config.tableName();
        env = new HashMap<>();
        env.put("RSET_TABLE", config.tableName());
        env.put("AWS_REGION", TestTables.REGION);
        env.put("RSET_DYNAMODB_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRETS_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_STS_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRET_PREFIX", prefix);
        env.put("RSET_ALLOWED_ACCOUNT_IDS", "123456789012");
        env.put("RSET_EKS_EXTERNAL_ID", "ext-1");
    }

    ApiHandler handler() {
        return new ApiHandler(ApiHandler.router(env, Optional.of(TestTables.CREDENTIALS)));
    }

    static String cluster(String name, String server, String auth) {
        return """
                apiVersion: rset.dev/v1alpha1
                kind: Cluster
                metadata: {name: %s}
                spec:
                  server: %s
                  auth:
                %s
                """.formatted(name, server, auth.indent(4).stripTrailing());
    }

    static String inline(String server, String user) {
        return """
                kubeconfig:
                  value: |
                    clusters: [{name: c, cluster: {server: "%s"}}]
                    users: [{name: u, user: {%s}}]
                    contexts: [{name: x, context: {cluster: c, user: u}}]
                """.formatted(server, user);
    }

    static APIGatewayV2HTTPResponse apply(ApiHandler h, String yaml) {
        return h.handleRequest(Events.request("post-apply.json", "POST", "/v1/apply", Map.of(), yaml), null);
    }

    static APIGatewayV2HTTPResponse call(ApiHandler h, String method, String path) {
        return h.handleRequest(Events.request("post-action.json", method, path, Map.of(), ""), null);
    }

    void assertRefused(ApiHandler h, String yaml, String message) {
        APIGatewayV2HTTPResponse r = apply(h, yaml);
        assertEquals(400, r.getStatusCode(), r.getBody());
        Map<String, Object> status = json(r);
        assertEquals("Invalid", status.get("reason"));
        assertTrue(((String) status.get("message")).startsWith(message), status.get("message") + "\n≠ " + message);
        assertFalse(r.getBody().contains("SECRET"), r.getBody());
        // Nothing written: no Cluster, no secret.
        assertEquals(List.of(), json(call(h, "GET", "/v1/clusters")).get("items"));
        assertTrue(TestTables.secrets(moto).listSecrets().secretList().stream().noneMatch(s -> s.name().startsWith(prefix)));
    }

    @Test
    void unsafeClustersAreRefusedAtRegistration() {
        ApiHandler h = handler();
        assertRefused(h, cluster("a", "https://203.0.113.10", inline("https://203.0.113.10",
                "token: SECRET, exec: {command: aws}")), "Cluster a: spec.auth.kubeconfig.value: users[0].user.exec: "
                + "credential plugins are not allowed");
        assertRefused(h, cluster("b", "https://169.254.169.254", inline("https://169.254.169.254", "token: SECRET")),
                "Cluster b: spec.server: \"https://169.254.169.254\" is a link-local address");
        assertRefused(h, cluster("c", "https://127.0.0.1:6443", inline("https://127.0.0.1:6443", "token: SECRET")),
                "Cluster c: spec.server: \"https://127.0.0.1:6443\" is a loopback address (allowed only when the "
                        + "control plane sets RSET_ALLOW_LOOPBACK_CLUSTERS=true)");
        assertRefused(h, cluster("d", "https://10.0.0.5", inline("https://10.0.0.5", "token: SECRET")),
                "Cluster d: spec.server: \"https://10.0.0.5\" is a private address (allowed only with "
                        + "spec.network.allowPrivate: true)");
        assertRefused(h, cluster("e", "https://203.0.113.10", inline("https://203.0.113.99", "token: SECRET")),
                "Cluster e: spec.auth.kubeconfig.value: clusters[0].cluster.server: \"https://203.0.113.99\" is not "
                        + "the Cluster's spec.server");
        assertRefused(h, cluster("f", "https://203.0.113.10", "kubeconfig: {secretRef: {name: prod/db-password}}"),
                "Cluster f: spec.auth.kubeconfig.secretRef.name: \"prod/db-password\" is not a secret of this control "
                        + "plane: it must start with \"" + prefix + "/clusters/\"");
        assertRefused(h, cluster("g", "https://203.0.113.10",
                "eks: {clusterName: g, roleArn: \"arn:aws:iam::999999999999:role/r\"}"),
                "Cluster g: spec.auth.eks.roleArn: account 999999999999 is not one the control plane may assume roles in");
    }

    @Test
    void privateServersWithTheOptInAndAllowListedRolesAreAccepted() throws Exception {
        ApiHandler h = handler();
        String yaml = cluster("p", "https://10.0.0.5", inline("https://10.0.0.5", "token: SECRET"))
                + "  network: {allowPrivate: true}\n";
        assertEquals(200, apply(h, yaml).getStatusCode());
        assertEquals(200, apply(h, cluster("e", "https://203.0.113.10",
                "eks: {clusterName: e, roleArn: \"arn:aws:iam::123456789012:role/rset\"}")).getStatusCode());
        // Re-applying the stored object reads the managed kubeconfig secret back and checks it again.
        Map<String, Object> stored = json(call(h, "GET", "/v1/clusters/p"));
        assertTrue(((String) at(stored, "spec", "auth", "kubeconfig", "secretRef", "name"))
                .startsWith(prefix + "/clusters/p/kubeconfig/"));
        assertEquals(200, apply(h, Events.MAPPER.writeValueAsString(stored)).getStatusCode());
    }

    @Test
    void aRealClusterRegisteredWithItsKubeconfigIsReady() {
        env.put("RSET_ALLOW_LOOPBACK_CLUSTERS", "true");
        ApiHandler h = handler();
        dev.rset.testclusters.KubeCluster a = dev.rset.testclusters.TestClusters.shared().a();
        String kubeconfig = "kubeconfig:\n  value: |\n" + a.kubeconfig().indent(4);
        assertEquals(200, apply(h, cluster("real", a.server().toString(), kubeconfig)).getStatusCode());
        APIGatewayV2HTTPResponse r = call(h, "POST", "/v1/clusters/real/check");
        assertEquals(200, r.getStatusCode(), r.getBody());
        Map<String, Object> ready = at(json(r), "status", "conditions", "0");
        assertEquals(Map.of("type", "Ready", "status", "True", "reason", "Connected", "message", "Kubernetes v1.37.2"),
                Map.of("type", ready.get("type"), "status", ready.get("status"), "reason", ready.get("reason"),
                        "message", ready.get("message")));
        assertFalse(r.getBody().contains(a.adminToken()));
    }

    @Test
    void checkRecordsWhetherTheClusterAnswers() throws IOException {
        env.put("RSET_ALLOW_LOOPBACK_CLUSTERS", "true");
        ApiHandler h = handler();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String server = "https://127.0.0.1:" + port;
        assertEquals(200, apply(h, cluster("local", server, inline(server, "token: SECRET"))).getStatusCode());
        APIGatewayV2HTTPResponse r = call(h, "POST", "/v1/clusters/local/check");
        assertEquals(200, r.getStatusCode(), r.getBody());
        Map<String, Object> ready = at(json(r), "status", "conditions", "0");
        assertEquals("Ready", ready.get("type"));
        assertEquals("False", ready.get("status"));
        assertEquals("ConnectionFailed", ready.get("reason"));
        assertTrue(((String) ready.get("message")).startsWith("cluster local (" + server + "): cannot connect"),
                ready.toString());
        assertFalse(r.getBody().contains("SECRET"));
        assertEquals("False", at(json(call(h, "GET", "/v1/clusters")), "items", "0", "status", "conditions", "0",
                "status"));

        // Deleting the Cluster forgets the check: registered again, it starts unchecked.
        assertEquals(200, call(h, "DELETE", "/v1/clusters/local").getStatusCode());
        assertEquals(200, apply(h, cluster("local", server, inline(server, "token: SECRET"))).getStatusCode());
        assertEquals(List.of(), at(json(call(h, "GET", "/v1/clusters/local")), "status", "conditions"));

        APIGatewayV2HTTPResponse notACluster = call(h, "POST", "/v1/namespaces/apps/resourcesets/x/check");
        assertEquals(400, notACluster.getStatusCode(), notACluster.getBody());
    }
}
