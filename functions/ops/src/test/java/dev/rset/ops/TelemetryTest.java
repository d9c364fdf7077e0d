package dev.rset.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Log and metric lines as a function writes them: through System.Logger, java.util.logging and the JSON handler. */
class TelemetryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(TelemetryTest.class.getName());
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeEach
    void jsonOnACapturedStream() {
        Telemetry.json(new PrintStream(captured, true, StandardCharsets.UTF_8), Level.INFO);
    }

    @AfterEach
    void dropMetrics() {
        Telemetry.metricsTo(line -> { });
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void oneJsonLinePerEventWithTheInvocationAndTheEventsFields() throws Exception {
        try (Invocation inv = Invocation.start("reconciler", "req-1")) {
            LOG.log(System.Logger.Level.INFO, "{0}: {1}", "apps/app@a", "Ready",
                    Fields.event("reconcile").object("ResourceSet", "apps", "app").cluster("a").durationMs(42)
                            .outcome("ReconciliationSucceeded"));
        }
        LOG.log(System.Logger.Level.WARNING, "outside any invocation", Fields.none().with("ratio", Double.NaN));
        List<JsonNode> lines = lines();
        assertEquals(2, lines.size(), captured.toString());
        JsonNode l = lines.get(0);
        assertEquals("INFO", l.get("level").asText());
        assertTrue(l.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), l.toString());
        assertEquals("apps/app@a: Ready", l.get("message").asText(), "the message format ignores the fields");
        assertEquals("reconciler", l.get("function").asText());
        assertEquals("req-1", l.get("requestId").asText());
        assertEquals("reconcile", l.get("event").asText());
        assertEquals("apps/ResourceSet/app", l.get("object").asText());
        assertEquals("a", l.get("cluster").asText());
        assertEquals(42, l.get("durationMs").asLong());
        assertEquals("ReconciliationSucceeded", l.get("outcome").asText());
        assertEquals("WARN", lines.get(1).get("level").asText());
        assertFalse(lines.get(1).has("requestId"), "no invocation, no request id");
        assertEquals("NaN", lines.get(1).get("ratio").asText(), "a number JSON cannot hold is written as a string");
    }

    @Test
    void fieldsNamedLikeCredentialsAreRedactedAndAnExceptionIsOneLine() throws Exception {
        String token = "s3cr3t-token-value";
        try (Invocation inv = Invocation.start("api", "req-2")) {
            LOG.log(System.Logger.Level.ERROR, "failed",
                    new IllegalStateException("boom\nsecond line"));
            LOG.log(System.Logger.Level.INFO, "write", Fields.event("audit").with("token", token)
                    .with("kubeconfig", Map.of("users", token)).with("headers", Map.of("Authorization", token,
                            "X-Hub-Signature-256", "sha256=" + token)));
        }
        String raw = captured.toString(StandardCharsets.UTF_8);
        assertFalse(raw.contains(token), raw);
        List<JsonNode> lines = lines();
        assertEquals(2, lines.size(), "a multi-line exception message stays one line: " + raw);
        assertEquals("java.lang.IllegalStateException: boom\nsecond line", lines.get(0).get("error").asText());
        assertEquals(JsonLogFormatter.REDACTED, lines.get(1).get("token").asText());
        assertEquals(JsonLogFormatter.REDACTED, lines.get(1).get("kubeconfig").asText());
        assertEquals(JsonLogFormatter.REDACTED, lines.get(1).get("headers").get("Authorization").asText());
    }

    @Test
    void metricsOfAnInvocationAreOneEmbeddedMetricFormatLine() throws Exception {
        try (Invocation inv = Invocation.start("reconciler", "req-3")) {
            Metrics.count("ReconcileRuns");
            Metrics.count("ReconcileRuns");
            Metrics.count("ReconcileFailures", 0);
            Metrics.milliseconds("ReconcileDuration", 120);
            Metrics.milliseconds("ReconcileDuration", 80);
        }
        Metrics.count("Outside"); // no invocation: nothing recorded
        List<JsonNode> lines = lines();
        assertEquals(1, lines.size(), captured.toString());
        JsonNode emf = lines.get(0);
        JsonNode aws = emf.get("_aws");
        assertTrue(aws.get("Timestamp").isIntegralNumber());
        assertTrue(Math.abs(System.currentTimeMillis() - aws.get("Timestamp").asLong()) < 60_000);
        assertEquals(1, aws.get("CloudWatchMetrics").size());
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertEquals("ResourceSetServerless", directive.get("Namespace").asText());
        assertEquals("[[\"Function\"]]", directive.get("Dimensions").toString());
        assertEquals("[{\"Name\":\"ReconcileRuns\",\"Unit\":\"Count\"},{\"Name\":\"ReconcileFailures\",\"Unit\":"
                + "\"Count\"},{\"Name\":\"ReconcileDuration\",\"Unit\":\"Milliseconds\"}]",
                directive.get("Metrics").toString());
        // Every target member the directive names is on the root, the dimension as a string.
        assertEquals("reconciler", emf.get("Function").asText());
        assertEquals(2, emf.get("ReconcileRuns").asLong());
        assertEquals(0, emf.get("ReconcileFailures").asLong());
        assertEquals("[120,80]", emf.get("ReconcileDuration").toString());
        assertEquals("req-3", emf.get("requestId").asText());
    }

    @Test
    void moreThanAHundredValuesOfAMetricGoOnMoreLines() throws Exception {
        try (Invocation inv = Invocation.start("scheduler", "req-4")) {
            for (int i = 0; i < 250; i++) {
                Metrics.milliseconds("PollDuration", i);
            }
            Metrics.count("ProviderPolls", 250);
        }
        List<JsonNode> lines = lines();
        assertEquals(3, lines.size());
        assertEquals(100, lines.get(0).get("PollDuration").size());
        assertEquals(250, lines.get(0).get("ProviderPolls").asLong(), "a count is written once");
        assertEquals(50, lines.get(2).get("PollDuration").size());
        assertFalse(lines.get(2).has("ProviderPolls"));
        assertEquals("[{\"Name\":\"PollDuration\",\"Unit\":\"Milliseconds\"}]",
                lines.get(2).get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").toString(),
                "a directive names only the metrics its line holds");
    }

    @Test
    void poolThreadsLogAsPartOfTheInvocationThatWrappedTheirTask() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try (Invocation inv = Invocation.start("reconciler", "req-5")) {
            pool.submit(Invocation.wrap(() -> {
                LOG.log(System.Logger.Level.INFO, "on a pool thread");
                Metrics.count("ReconcileRuns");
                return null;
            })).get();
            pool.submit(() -> LOG.log(System.Logger.Level.INFO, "not wrapped")).get();
        } finally {
            pool.shutdownNow();
        }
        List<JsonNode> lines = lines();
        assertEquals("req-5", lines.get(0).get("requestId").asText());
        assertFalse(lines.get(1).has("requestId"), "the pool thread does not keep it");
        assertEquals(1, lines.get(2).get("ReconcileRuns").asLong());
    }

    @Test
    void nestedInvocationsRestoreTheOuterOne() throws Exception {
        try (Invocation outer = Invocation.start("webhook", "outer")) {
            try (Invocation inner = Invocation.start("dispatcher", "inner")) {
                Invocation.annotate("receiver", "x");
                assertEquals("dispatcher", Invocation.current().orElseThrow().function());
            }
            assertEquals("webhook", Invocation.current().orElseThrow().function());
            assertTrue(outer.annotations().isEmpty(), "annotations stay with the invocation that made them");
        }
        assertTrue(Invocation.current().isEmpty());
    }
}
