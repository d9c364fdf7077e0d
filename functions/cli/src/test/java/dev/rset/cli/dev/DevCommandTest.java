package dev.rset.cli.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                "~ Deployment/preview-42/podinfo configured", "- Namespace/preview-42 deleted")) {
            assertTrue(output.contains(expected), () -> expected + " missing from:\n" + output);
        }
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
}
