package dev.rset.cli.admin;

import dev.rset.cli.RsetCommand;
import dev.rset.api.ApiHandler;
import dev.rset.api.local.LocalGateway;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin verbs against the real Lambda handler (API Gateway v2 events) behind a local HTTP server, on moto_server. */
@ExtendWith(MotoServer.class)
class AdminCommandsTest {
    record Run(int exit, String out, String err) {
    }

    static final String MANIFESTS = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSetInputProvider
            metadata:
              name: prs
              namespace: apps
            spec:
              type: Static
              defaultValues:
                env: preview
            ---
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: podinfo
              namespace: apps
              labels:
                team: web
            spec:
              inputsFrom:
                - name: prs
              resources:
                - apiVersion: v1
                  kind: Namespace
                  metadata:
                    name: app-<< inputs.id >>
            """;

    LocalGateway api;
    @TempDir
    Path dir;

    @BeforeEach
    void start(MotoServer moto) throws IOException {
        DynamoConfig config = TestTables.newTable(TestTables.dynamo(moto), 2);
        Map<String, String> env = new HashMap<>();
        env.put("RSET_TABLE", config.tableName());
        env.put("AWS_REGION", TestTables.REGION);
        env.put("RSET_DYNAMODB_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRETS_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRET_PREFIX", "cli-" + config.tableName());
        env.put("RSET_STS_ENDPOINT", moto.endpoint().toString());
        // As `rset dev` does: clusters on this machine are allowed.
        env.put("RSET_ALLOW_LOOPBACK_CLUSTERS", "true");
        env.put("RSET_ALLOWED_ACCOUNT_IDS", "123456789012");
        env.put("RSET_EKS_EXTERNAL_ID", "cli-test");
        api = LocalGateway.start(new ApiHandler(ApiHandler.router(env, Optional.of(TestTables.CREDENTIALS))), 0);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    Run rset(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.size() > 1) {
            int at = all.get(0).equals("clusters") || all.get(0).equals("receivers") ? 2 : 1;
            all.addAll(at, List.of("--server", api.endpoint().toString(), "--no-sign"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RsetCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void applyGetReconcileSuspendResumeDelete() throws IOException {
        Path file = write("app.yaml", MANIFESTS);
        Run applied = rset("apply", "-f", file.toString());
        assertEquals(0, applied.exit(), applied.err());
        assertEquals("resourcesetinputprovider/apps/prs created\nresourceset/apps/podinfo created\n", applied.out());
        assertEquals("resourcesetinputprovider/apps/prs unchanged\nresourceset/apps/podinfo unchanged\n",
                rset("apply", "-f", file.toString()).out());

        Run table = rset("get", "rset", "-n", "apps");
        assertEquals(0, table.exit(), table.err());
        String[] lines = table.out().split("\n");
        assertTrue(lines[0].matches("NAME\\s+AGE\\s+READY\\s+STATUS"), lines[0]);
        assertTrue(lines[1].matches("podinfo\\s+\\d+s\\s+False\\s+no registered cluster matches the placement "
                + "of this ResourceSet"), lines[1]);
        assertTrue(rset("get", "rsip", "-A").out().startsWith("NAMESPACE"));
        assertEquals("No resources found in default namespace.\n", rset("get", "rset").err());
        assertTrue(rset("get", "rset", "-A", "-l", "team=web").out().contains("podinfo"));
        assertFalse(rset("get", "rset", "-A", "-l", "team=db").out().contains("podinfo"));

        Map<String, Object> yaml = new Yaml().load(rset("get", "rset", "podinfo", "-n", "apps", "-o", "yaml").out());
        assertEquals("podinfo", ((Map<?, ?>) yaml.get("metadata")).get("name"));
        Map<String, Object> json = ApiClient.parse(rset("get", "resourcesets", "-n", "apps", "-o", "json").out());
        assertEquals("List", json.get("kind"));

        assertEquals("resourceset/apps/podinfo reconcile forced\n",
                rset("reconcile", "rset", "podinfo", "-n", "apps", "--force").out());
        Map<String, Object> after = new Yaml().load(rset("get", "rset", "podinfo", "-n", "apps", "-o", "yaml").out());
        Map<?, ?> annotations = (Map<?, ?>) ((Map<?, ?>) after.get("metadata")).get("annotations");
        assertEquals(annotations.get("reconcile.fluxcd.io/requestedAt"), annotations.get("reconcile.fluxcd.io/forceAt"));

        assertEquals("resourcesetinputprovider/apps/prs suspended\n", rset("suspend", "rsip", "prs", "-n", "apps").out());
        assertTrue(rset("get", "rsip", "-n", "apps").out().contains("Reconciliation suspended"));
        Run suspendedReconcile = rset("reconcile", "rsip", "prs", "-n", "apps");
        assertEquals(1, suspendedReconcile.exit());
        assertTrue(suspendedReconcile.err().startsWith("Error from server (BadRequest): "), suspendedReconcile.err());
        assertEquals("resourcesetinputprovider/apps/prs resumed\n", rset("resume", "rsip", "prs", "-n", "apps").out());

        assertEquals("resourceset/apps/podinfo deleted\n", rset("delete", "rset", "podinfo", "-n", "apps").out());
        Run missing = rset("get", "rset", "podinfo", "-n", "apps");
        assertEquals(1, missing.exit());
        assertEquals("Error from server (NotFound): ResourceSet apps/podinfo not found\n", missing.err());
        Run byFile = rset("delete", "-f", write("prs.yaml", MANIFESTS.split("---")[0]).toString());
        assertEquals("resourcesetinputprovider/apps/prs deleted\n", byFile.out());
    }

    @Test
    void applySendsEachNamespaceToItsRouteAndGetFollowsPages() throws IOException {
        String two = MANIFESTS + "---\n" + MANIFESTS.replace("namespace: apps", "namespace: team-b");
        Run applied = rset("apply", "-f", write("two.yaml", two).toString());
        assertEquals(0, applied.exit(), applied.err());
        assertEquals("resourcesetinputprovider/apps/prs created\nresourceset/apps/podinfo created\n"
                + "resourcesetinputprovider/team-b/prs created\nresourceset/team-b/podinfo created\n", applied.out());

        Run pinned = rset("apply", "-n", "apps", "-f", write("b.yaml", MANIFESTS.replace("namespace: apps",
                "namespace: team-b")).toString());
        assertEquals(1, pinned.exit());
        assertTrue(pinned.err().contains("metadata.namespace: \"team-b\" does not match the namespace of the request "
                + "\"apps\""), pinned.err());

        Path typo = write("typo.yaml", MANIFESTS.replace("  resources:", "  resourcse: []\n  resources:"));
        Run strict = rset("apply", "-f", typo.toString());
        assertEquals(1, strict.exit());
        assertTrue(strict.err().contains("unknown field \"spec.resourcse\""), strict.err());
        Run warned = rset("apply", "--validate=warn", "-f", typo.toString());
        assertEquals(0, warned.exit(), warned.err());
        assertEquals("warning: ResourceSet apps/podinfo: unknown field \"spec.resourcse\"\n", warned.err());

        String[] lines = rset("get", "rset", "-A", "--chunk-size", "1").out().split("\n");
        assertEquals(3, lines.length, String.join("\n", lines));
        assertTrue(lines[1].startsWith("apps ") && lines[2].startsWith("team-b "), String.join("\n", lines));
        Map<String, Object> json = ApiClient.parse(rset("get", "rsip", "-A", "--chunk-size", "1", "-o", "json").out());
        assertEquals(2, ((List<?>) json.get("items")).size());
        Map<String, Object> yaml = new Yaml().load(rset("get", "rsip", "-A", "--chunk-size", "1", "-o", "yaml").out());
        assertEquals(2, ((List<?>) yaml.get("items")).size());
    }

    @Test
    void registeringARealClusterChecksThatItAnswers() throws IOException {
        dev.rset.testclusters.KubeCluster a = dev.rset.testclusters.TestClusters.shared().a();
        Run r = rset("clusters", "register", "real", "--api-server", a.server().toString(), "--kubeconfig",
                write("real-kubeconfig", a.kubeconfig()).toString(), "-l", "env=test");
        assertEquals(0, r.exit(), r.err());
        assertEquals("cluster/real registered\ncluster/real ready: Kubernetes v1.37.2\n", r.out());
        String[] lines = rset("clusters", "list").out().split("\n");
        assertTrue(lines[1].matches("real\\s+\\d+s\\s+True\\s+\\S+\\s+kubeconfig\\s+env=test\\s+Kubernetes v1\\.37\\.2"),
                lines[1]);
    }

    @Test
    void registerAndListClusters() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String server = "https://127.0.0.1:" + port;
        Path kubeconfig = write("kubeconfig", "apiVersion: v1\nclusters: [{name: c, cluster: {server: \"" + server
                + "\"}}]\nusers: [{name: a, user: {token: CLI-SECRET}}]\ncontexts: [{name: x, context: {cluster: c, user: a}}]\n");
        Path ca = write("ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        Run r = rset("clusters", "register", "prod-eu", "--api-server", server,
                "--ca-file", ca.toString(), "--kubeconfig", kubeconfig.toString(), "-l", "env=prod", "-l", "region=eu");
        assertEquals(1, r.exit(), "registered, but the connectivity check failed");
        assertEquals("cluster/prod-eu registered\n", r.out());
        assertTrue(r.err().startsWith("error: cluster/prod-eu is not ready: ConnectionFailed: cluster prod-eu (" + server
                + "): cannot connect"), r.err());
        Run eks = rset("clusters", "register", "staging", "--api-server", server,
                "--eks-cluster", "staging", "--role-arn", "arn:aws:iam::123456789012:role/rset-deployer");
        assertEquals("cluster/staging registered\n", eks.out(), eks.err());
        assertTrue(eks.err().contains("cannot connect"), eks.err());

        String[] lines = rset("clusters", "list").out().split("\n");
        assertTrue(lines[0].matches("NAME\\s+AGE\\s+READY\\s+SERVER\\s+AUTH\\s+LABELS\\s+STATUS"), lines[0]);
        assertTrue(lines[1].matches("prod-eu\\s+\\d+s\\s+False\\s+" + server.replace(".", "\\.")
                + "\\s+kubeconfig\\s+env=prod,region=eu\\s+cluster prod-eu .*cannot connect.*"), lines[1]);
        assertTrue(lines[2].matches("staging\\s+\\d+s\\s+False\\s+\\S+\\s+eks:staging\\s+<none>\\s+.*"), lines[2]);

        Path exec = write("exec-kubeconfig", "clusters: [{name: c, cluster: {server: \"" + server + "\"}}]\n"
                + "users: [{name: a, user: {exec: {command: aws}}}]\ncontexts: [{name: x, context: {cluster: c, user: a}}]\n");
        Run refused = rset("clusters", "register", "evil", "--api-server", server, "--kubeconfig", exec.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("Error from server (Invalid): Cluster evil: spec.auth.kubeconfig.value: "
                + "users[0].user.exec: credential plugins are not allowed"), refused.err());
        Run metadata = rset("clusters", "register", "imds", "--api-server", "https://169.254.169.254", "--eks-cluster",
                "x", "--role-arn", "arn:aws:iam::123456789012:role/r");
        assertTrue(metadata.err().startsWith("Error from server (Invalid): Cluster imds: spec.server: "
                + "\"https://169.254.169.254\" is a link-local address"), metadata.err());
        String json = rset("clusters", "list", "-o", "json").out();
        assertFalse(json.contains("CLI-SECRET"), "the kubeconfig never comes back");
        assertTrue(json.contains("/clusters/prod-eu/kubeconfig"));

        Run bad = rset("clusters", "register", "bad", "--api-server", "http://insecure", "--eks-cluster", "x",
                "--role-arn", "arn:aws:iam::123456789012:role/r");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("Error from server (Invalid): Cluster bad: spec.server"), bad.err());
    }

    @Test
    void errorsAreOneLineWithExitCodeOne() throws IOException {
        Run invalid = rset("apply", "-f", write("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n").toString());
        assertEquals(1, invalid.exit());
        assertEquals("Error from server (Invalid): document 1: kind: unsupported kind \"Pod\", must be one of "
                + "ResourceSet, ResourceSetInputProvider, Receiver, Cluster\n", invalid.err());
        Run unknownKind = rset("get", "widgets", "-n", "apps");
        assertEquals("error: unknown resource type \"widgets\": use resourceset (rset), resourcesetinputprovider "
                + "(rsip), receiver or cluster\n", unknownKind.err());
        StringWriter err = new StringWriter();
        CommandLine cl = RsetCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(1, cl.execute("get", "rset", "--server", ""));
        assertTrue(err.toString().startsWith("error: no API endpoint"), err.toString());
        Run missingFile = rset("apply", "-f", dir.resolve("nope.yaml").toString());
        assertTrue(missingFile.err().startsWith("error: cannot read"), missingFile.err());
    }

    @Test
    void applyWarnsWhereAProviderInputIsPrintedUnquotedAndStillApplies() throws IOException {
        Path file = write("previews.yaml", """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata: {name: previews, namespace: apps}
                spec:
                  inputsFrom: [{kind: ResourceSetInputProvider, name: prs}]
                  resourcesTemplate: |
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: pr-<< inputs.id >>
                      annotations:
                        title: << inputs.title >>
                """);
        Run r = rset("apply", "-f", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("warning: " + file + ": ResourceSet previews: resourcesTemplate:6:12: "
                + "inputs.title is printed unquoted in << inputs.title >>"), r.err());
        // The API's answer names the same place; it is said once, with the file's name.
        assertEquals(1, r.err().split("is printed unquoted", -1).length - 1, r.err());
        assertTrue(r.out().contains("resourceset/apps/previews created"), r.out());
    }

    @Test
    void receiversShowTheirWebhookPathAndGetATokenOnce() throws Exception {
        Path receiver = write("receiver.yaml", """
                apiVersion: notification.toolkit.fluxcd.io/v1
                kind: Receiver
                metadata:
                  name: github
                  namespace: apps
                spec:
                  type: github
                  secretRef:
                    name: gh-webhook
                  resources:
                    - kind: ResourceSetInputProvider
                      name: prs
                """);
        assertEquals("receiver/apps/github created\n", rset("apply", "-f", receiver.toString()).out());
        String[] before = rset("get", "receivers", "-A").out().split("\n");
        assertTrue(before[0].matches("NAMESPACE\\s+NAME\\s+AGE\\s+READY\\s+TYPE\\s+WEBHOOK PATH"), before[0]);
        assertTrue(before[1].matches("apps\\s+github\\s+\\d+s\\s+False\\s+github\\s+secret \\S+/receivers/apps/gh-webhook "
                + "is missing or holds no token: rset receivers secret github -n apps creates it"), before[1]);

        Run created = rset("receivers", "secret", "github", "-n", "apps");
        assertEquals(0, created.exit(), created.err());
        String[] out = created.out().split("\n");
        assertEquals(3, out.length, created.out());
        String token = out[1].replaceFirst("^token:\\s+", "");
        String path = out[2].replaceFirst("^webhook path: ", "");
        assertTrue(token.matches("[0-9a-f]{64}"), out[1]);
        // Flux's status.webhookPath: /hook/ + hex SHA-256 of token + name + namespace.
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((token + "github" + "apps").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("/hook/" + digest, path);
        assertTrue(created.err().startsWith("The token is not shown again"), created.err());

        String[] after = rset("get", "receiver", "github", "-n", "apps").out().split("\n");
        assertTrue(after[1].matches("github\\s+\\d+s\\s+True\\s+github\\s+" + path), after[1]);
        Map<String, Object> yaml = new Yaml().load(rset("get", "receivers", "github", "-n", "apps", "-o", "yaml").out());
        assertEquals(path, ((Map<?, ?>) yaml.get("status")).get("webhookPath"));
        assertFalse(rset("get", "receivers", "github", "-n", "apps", "-o", "yaml").out().contains(token),
                "the token is only in the answer that made it");

        Run again = rset("receivers", "secret", "github", "-n", "apps");
        assertEquals(1, again.exit());
        assertTrue(again.err().startsWith("Error from server (Conflict): Receiver apps/github already has a token"),
                again.err());
        Run rotated = rset("receivers", "secret", "github", "-n", "apps", "--rotate");
        assertEquals(0, rotated.exit(), rotated.err());
        assertTrue(rotated.out().startsWith("receiver/apps/github token rotated in secret "), rotated.out());
        assertFalse(rotated.out().contains(path), "a new token, a new path");
        Run missing = rset("receivers", "secret", "nope", "-n", "apps");
        assertEquals(1, missing.exit());
        assertEquals("Error from server (NotFound): Receiver apps/nope not found\n", missing.err());
    }
}
