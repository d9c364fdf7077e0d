package dev.rset.cli.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.cli.RsetCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rset dev} as a user runs it: a process of its own, stopped with SIGTERM. */
class DevCommandTest {
    private static final Pattern ENDPOINT = Pattern.compile("control plane on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path state;

    @TempDir
    Path logs;

    /** The running command and the file its output goes to. */
    private record Dev(Process process, Path output, URI endpoint) {
        String text() throws IOException {
            return Files.readString(output, StandardCharsets.UTF_8);
        }
    }

    /** Every {@code rset dev} a test started: a failed assertion must not leave one serving. */
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsStillRunning() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static ProcessBuilder rset(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.rset.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("KUBECONFIG");
        return pb;
    }

    /** Starts {@code rset dev ARGS} and waits until it printed {@code until} (or exited). */
    private Dev start(String until, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("dev", "--port", "0", "--state-dir", state.toString()));
        all.addAll(List.of(args));
        Path output = Files.createTempFile(logs, "rset-dev-", ".out");
        Process p = rset(all.toArray(String[]::new)).redirectOutput(output.toFile()).start();
        started.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String text = "";
        while (System.nanoTime() < deadline && p.isAlive() && !text.contains(until)) {
            Thread.sleep(100);
            text = Files.readString(output, StandardCharsets.UTF_8);
        }
        Matcher m = ENDPOINT.matcher(text);
        return new Dev(p, output, m.find() ? URI.create(m.group(1)) : null);
    }

    private static int stop(Dev dev) throws InterruptedException {
        dev.process().destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs the shutdown hook either way
        assertTrue(dev.process().waitFor(30, TimeUnit.SECONDS), "stopped on SIGTERM");
        return dev.process().exitValue();
    }

    @Test
    void theDemoCreatesThePreviewEnvironmentThenRemovesItAndStateSurvivesARestart() throws Exception {
        Dev dev = start("rset dev: serving", "--demo");
        String output = dev.text();
        for (String expected : List.of("webhook URL     http://127.0.0.1:", "+ Namespace/preview-42 created",
                "+ Deployment/preview-42/podinfo created", "+ Service/preview-42/podinfo created",
                "~ Deployment/preview-42/podinfo configured", "- Namespace/preview-42 deleted",
                "rset dev: scheduler ticks every 10s",
                "reconciled ResourceSet apps/podinfo-previews on default (InputsChanged): ReconciliationSucceeded",
                "demo: only webhooks update apps/podinfo-prs here: it has no GitHub token (secret apps/github-api-token)",
                "start rset dev with RSET_SECRET_RSET_SECRETS_APPS_GITHUB_API_TOKEN=<token>")) {
            assertTrue(output.contains(expected), () -> expected + " missing from:\n" + output);
        }
        // Each delivery's answer comes right after it, before the runs it caused.
        List<String> lines = output.lines().toList();
        int deliveries = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("demo: PR #42 ")) {
                deliveries++;
                assertTrue(lines.get(i + 1).startsWith("  POST /hook/… → 200 "), "answer after " + lines.get(i) + ":\n" + output);
            }
        }
        assertEquals(4, deliveries, output);
        Path cluster = state.resolve("clusters/default");
        assertFalse(Files.exists(cluster.resolve("preview-42")), "pruned after the close delivery");
        assertFalse(Files.exists(cluster.resolve("_cluster/Namespace/preview-42.yaml")));
        stop(dev);
        assertTrue(dev.text().endsWith("rset dev: stopped\n"), dev.text());

        Dev again = start("rset dev: serving");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                again.endpoint().resolve("/v1/namespaces/apps/resourcesets/podinfo-previews")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "the ResourceSet is kept across restarts: " + r.body());
        stop(again);
    }

    @Test
    void aRunSaysWhichEventsAskedForItWithoutTheirIds() {
        assertEquals("InputsChanged", DevCommand.asked("InputsChanged 0b6f9a"));
        assertEquals("InputsChanged, ReconcileRequested by scheduler", DevCommand.asked(
                "InputsChanged 0b6f9a; ReconcileRequested 77c1 by scheduler; InputsChanged 9d2e"));
        assertEquals("ReconcileRequested by Receiver apps/github-previews",
                DevCommand.asked("ReconcileRequested 77c1 by Receiver apps/github-previews"));
    }

    @Test
    void aTakenPortIsRefusedWithOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process p = rset("dev", "--port", Integer.toString(taken.getLocalPort()), "--state-dir", state.toString())
                    .start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(1, p.exitValue());
            assertEquals("error: 127.0.0.1:" + taken.getLocalPort()
                    + " is in use: stop what listens there or choose another --port", output);
        }
    }

    /** {@code rset ARGS} in this JVM against {@code dev}: exit code, stdout, stderr. */
    private static String[] cli(Dev dev, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", dev.endpoint().toString(), "--no-sign"));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        String[] line = all.toArray(String[]::new);
        picocli.CommandLine cl = RsetCommand.commandLine(line);
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(err));
        int exit = cl.execute(line);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    private static int post(Dev dev, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(dev.endpoint().resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The status of POST {@code path}, asked until it is {@code wanted} (the webhook's index refresh) or 10 s pass. */
    private static int postUntil(Dev dev, String path, int wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = post(dev, path);
            if (status != wanted) {
                Thread.sleep(200);
            }
        } while (status != wanted && System.nanoTime() < deadline);
        return status;
    }

    @Test
    void receiverTokensAreIssuedAndRotatedOverTheApiAndLogsAreJsonLinesWithoutThem() throws Exception {
        Dev dev = start("rset dev: serving", "--log-format", "json", "-v");
        Path receiver = logs.resolve("receiver.yaml");
        Files.writeString(receiver, """
                apiVersion: notification.toolkit.fluxcd.io/v1
                kind: Receiver
                metadata:
                  name: ci
                  namespace: apps
                spec:
                  type: generic
                  secretRef:
                    name: ci-token
                  resources:
                    - kind: ResourceSetInputProvider
                      name: nightly
                """);
        String[] applied = cli(dev, "apply", "-f", receiver.toString());
        assertEquals("0", applied[0], applied[2]);
        String[] table = cli(dev, "get", "receivers", "-n", "apps");
        assertTrue(table[1].matches("(?s)NAME\\s+AGE\\s+READY\\s+TYPE\\s+WEBHOOK PATH\n"
                + "ci\\s+\\S+\\s+False\\s+generic\\s+secret rset/receivers/apps/ci-token is missing.*"), table[1]);

        String[] created = cli(dev, "receivers", "secret", "ci", "-n", "apps");
        assertEquals("0", created[0], created[2]);
        Matcher token = Pattern.compile("token:\\s+([0-9a-f]{64})").matcher(created[1]);
        Matcher path = Pattern.compile("webhook path: (/hook/[0-9a-f]{64})").matcher(created[1]);
        assertTrue(token.find() && path.find(), created[1]);
        assertTrue(created[1].startsWith("receiver/apps/ci token created in secret rset/receivers/apps/ci-token\n"),
                created[1]);
        String ready = cli(dev, "get", "receivers", "-n", "apps")[1];
        assertTrue(ready.matches("(?s).*\\nci\\s+\\S+\\s+True\\s+generic\\s+" + path.group(1) + "\\n"), ready);
        assertEquals(202, postUntil(dev, path.group(1), 202), "the new path is served");

        String[] again = cli(dev, "receivers", "secret", "ci", "-n", "apps");
        assertEquals("1", again[0]);
        assertTrue(again[2].contains("already has a token"), again[2]);
        String[] rotated = cli(dev, "receivers", "secret", "ci", "-n", "apps", "--rotate");
        assertEquals("0", rotated[0], rotated[2]);
        Matcher newPath = Pattern.compile("webhook path: (/hook/[0-9a-f]{64})").matcher(rotated[1]);
        assertTrue(newPath.find(), rotated[1]);
        assertTrue(rotated[2].contains("The old path stops working"), rotated[2]);
        assertEquals(202, postUntil(dev, newPath.group(1), 202), "the rotated path is served");
        assertEquals(404, post(dev, path.group(1)), "the index rebuilt for the new path no longer has the old one");
        assertTrue(Files.readString(state.resolve("secrets.json")).contains("ci-token"), "kept in the secrets file");
        stop(dev);

        String output = dev.text();
        assertFalse(output.contains(token.group(1)), "a token is never logged");
        assertFalse(output.contains(path.group(1).substring(6)), "nor a path made from one");
        assertFalse(output.contains(newPath.group(1).substring(6)));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            }
        }
        assertTrue(lines.stream().anyMatch(l -> "delivery".equals(l.path("event").asText())
                && "webhook".equals(l.path("function").asText()) && "apps/Receiver/ci".equals(l.path("object").asText())
                && l.path("status").asInt() == 202), output);
        assertTrue(lines.stream().anyMatch(l -> "audit".equals(l.path("event").asText())
                && "rotate-token".equals(l.path("verb").asText())), output);
        assertTrue(lines.stream().anyMatch(l -> l.has("_aws") && l.path("WebhookDeliveries").asInt() == 1), output);
        assertTrue(lines.stream().anyMatch(l -> "tick".equals(l.path("event").asText())
                && "scheduler".equals(l.path("function").asText()) && l.has("due")), "the scheduler's ticks: " + output);
        assertTrue(lines.stream().anyMatch(l -> l.has("_aws") && l.has("TickDuration")), output);
    }
}
