package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.ops.Telemetry;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.testing.World;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a delivery leaves in the function's log, as JSON lines and EMF metrics: the receiver, the
 * delivery id and the outcome; never the token, the signature or the path made from the token.
 */
@ExtendWith(MotoServer.class)
class DeliveryTelemetryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "gh-telemetry-token-93ab";
    private static final String REPO = "https://github.com/acme/app";
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private Handler[] handlers;
    private Level level;
    private World world;
    private String digest;

    @BeforeEach
    void setUp(MotoServer moto) {
        Logger root = Logger.getLogger("");
        handlers = root.getHandlers();
        level = root.getLevel();
        Telemetry.json(new PrintStream(logs, true, StandardCharsets.UTF_8), Level.INFO);
        world = World.create(moto);
        digest = world.receiver("github", ReceiverType.GITHUB, TOKEN, List.of("pull_request"),
                List.of(Objects.byName("app-prs")));
        world.provider("app-prs", "GitHubPullRequest", REPO, Map.of());
        world.resourceSet("previews", "app-prs");
    }

    @AfterEach
    void restoreLogging() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        for (Handler h : handlers) {
            root.addHandler(h);
        }
        root.setLevel(level);
        Telemetry.metricsTo(line -> { });
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : logs.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!l.isBlank()) {
                out.add(JSON.readTree(l));
            }
        }
        return out;
    }

    @Test
    void aDeliveryIsOneLineNamingItsReceiverAndOneMetricLine() throws Exception {
        SignedRequest opened = Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, "d-telemetry-1", REPO,
                ChangeRequest.opened(7, "ec26c3e57ca3a959ca5aad62de7213c562f8c821", T0));
        assertEquals(200, world.post(digest, opened).status());
        SignedRequest forged = opened.withHeader("X-Hub-Signature-256", "sha256=" + "0".repeat(64));
        assertEquals(401, world.post(digest, forged).status());

        List<JsonNode> lines = lines();
        List<JsonNode> deliveries = lines.stream().filter(l -> "delivery".equals(l.path("event").asText())).toList();
        assertEquals(2, deliveries.size(), lines.toString());
        JsonNode ok = deliveries.get(0);
        assertEquals("webhook", ok.get("function").asText());
        assertEquals("apps/Receiver/github", ok.get("object").asText());
        assertEquals("d-telemetry-1", ok.get("deliveryId").asText());
        assertEquals("pull_request", ok.get("forgeEvent").asText());
        assertEquals(200, ok.get("status").asInt());
        assertEquals("processed", ok.get("outcome").asText());
        assertEquals("[\"previews\"]", ok.get("resourceSets").toString());
        assertTrue(ok.get("durationMs").isIntegralNumber());
        JsonNode refused = deliveries.get(1);
        assertEquals("apps/Receiver/github", refused.get("object").asText());
        assertEquals("rejected", refused.get("outcome").asText());
        assertTrue(lines.stream().anyMatch(l -> "WARN".equals(l.path("level").asText())
                && refused.get("requestId").equals(l.get("requestId")) && l.get("message").asText()
                        .contains("refused delivery")), "the refusal's own line carries the same request id");

        List<JsonNode> metrics = lines.stream().filter(l -> l.has("_aws")).toList();
        assertEquals(2, metrics.size());
        assertEquals(1, metrics.get(0).get("WebhookDeliveries").asInt());
        assertEquals(0, metrics.get(0).get("WebhookRejections").asInt());
        assertEquals(1, metrics.get(1).get("WebhookRejections").asInt());
        assertEquals("webhook", metrics.get(1).get("Function").asText());
        assertEquals(ok.get("requestId").asText(), metrics.get(0).get("requestId").asText());

        String raw = logs.toString(StandardCharsets.UTF_8);
        assertFalse(raw.contains(TOKEN), raw);
        assertFalse(raw.contains(digest), "the path is the receiver's bearer secret");
        assertFalse(raw.contains(opened.headers().get("X-Hub-Signature-256").substring(7)), "nor the signature");
    }
}
