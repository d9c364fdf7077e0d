package dev.rset.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.ops.Telemetry;
import dev.rset.store.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST …/receivers/{name}/token} and the Receiver's {@code status.webhookPath}, on moto_server. */
@ExtendWith(MotoServer.class)
class ReceiverTokenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RECEIVER = """
            apiVersion: notification.toolkit.fluxcd.io/v1
            kind: Receiver
            metadata:
              name: github
              namespace: apps
            spec:
              type: github
              events: [pull_request]
              secretRef:
                name: github-webhook
              resources:
                - kind: ResourceSetInputProvider
                  name: prs
            """;
    static final String PATH = "/v1/namespaces/apps/receivers/github";

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private Handler[] handlers;
    private Level level;

    @BeforeEach
    void jsonLogs() {
        Logger root = Logger.getLogger("");
        handlers = root.getHandlers();
        level = root.getLevel();
        Telemetry.json(new PrintStream(logs, true, StandardCharsets.UTF_8), Level.INFO);
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

    static String expectedPath(String token) throws Exception {
        return "/hook/" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((token + "github" + "apps").getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<?, ?> status(Map<String, Object> view) {
        return (Map<?, ?>) view.get("status");
    }

    @Test
    void createsThenRotatesTheTokenAndShowsTheWebhookPathAsFluxComputesIt(MotoServer moto) throws Exception {
        TestApi api = new TestApi(moto);
        assertEquals(200, api.apply(RECEIVER).getStatusCode());
        Map<?, ?> before = status(api.get(PATH));
        assertNull(before.get("webhookPath"));
        Map<?, ?> notReady = (Map<?, ?>) ((List<?>) before.get("conditions")).get(0);
        assertEquals("False", notReady.get("status"));
        assertEquals("TokenNotFound", notReady.get("reason"));
        assertTrue(((String) notReady.get("message")).contains("rset receivers secret github -n apps"), notReady.toString());

        APIGatewayV2HTTPResponse created = api.post(PATH + "/token", Map.of(), null);
        assertEquals(200, created.getStatusCode(), created.getBody());
        Map<String, Object> first = ApiHandlerTest.json(created);
        String token = (String) first.get("token");
        assertTrue(token.matches("[0-9a-f]{64}"), token);
        assertEquals("created", first.get("action"));
        assertEquals(expectedPath(token), first.get("webhookPath"));
        String secretName = api.prefix + "/receivers/apps/github-webhook";
        assertEquals(secretName, first.get("secretName"));
        assertEquals(token, JSON.readTree(api.secrets.getSecretValue(b -> b.secretId(secretName)).secretString())
                .get("token").asText(), "stored under the key Flux reads");

        Map<String, Object> view = api.get(PATH);
        assertEquals(expectedPath(token), status(view).get("webhookPath"));
        assertEquals("True", ((Map<?, ?>) ((List<?>) status(view).get("conditions")).get(0)).get("status"));
        Map<?, ?> listed = (Map<?, ?>) ((List<?>) api.get("/v1/namespaces/apps/receivers").get("items")).get(0);
        assertEquals(expectedPath(token), ((Map<?, ?>) listed.get("status")).get("webhookPath"));

        TestApi.assertFailure(api.post(PATH + "/token", Map.of(), null), 409, "already has a token in secret "
                + secretName + ": rotate it");
        assertEquals(token, JSON.readTree(api.secrets.getSecretValue(b -> b.secretId(secretName)).secretString())
                .get("token").asText(), "a refused request leaves the token");

        Map<String, Object> rotated = ApiHandlerTest.json(api.post(PATH + "/token", Map.of("rotate", "true"), null));
        String newToken = (String) rotated.get("token");
        assertNotEquals(token, newToken);
        assertEquals("rotated", rotated.get("action"));
        assertEquals(expectedPath(newToken), rotated.get("webhookPath"));
        assertEquals(expectedPath(newToken), status(api.get(PATH)).get("webhookPath"));

        assertEquals(2, api.audit.stream().filter(l -> l.contains("-token\"")).count(), api.audit.toString());
        assertTrue(api.audit.stream().anyMatch(l -> l.contains("\"verb\":\"rotate-token\"") && l.contains(TestApi.CALLER)
                && l.contains("\"action\":\"token rotated\"")), api.audit.toString());
        String logged = logs.toString(StandardCharsets.UTF_8) + String.join("\n", api.audit);
        for (String secret : List.of(token, newToken)) {
            assertFalse(logged.contains(secret), "a token is never logged");
            assertFalse(logged.contains(expectedPath(secret).substring(6)), "nor the path made from it");
        }
    }

    @Test
    void onlyAReceiverHasATokenAndAMissingOneIsNotFound(MotoServer moto) {
        TestApi api = new TestApi(moto);
        TestApi.assertFailure(api.post(PATH + "/token", Map.of(), null), 404, "Receiver apps/github not found");
        TestApi.assertFailure(api.post("/v1/namespaces/apps/resourcesets/x/token", Map.of(), null), 404,
                "only a Receiver has a webhook token");
        TestApi.assertFailure(api.call("GET", PATH + "/token", Map.of()), 405, "GET is not allowed");
    }

    @Test
    void eachRequestIsOneJsonLineWithItsCallerAndEachInvocationOneMetricLine(MotoServer moto) throws Exception {
        TestApi api = new TestApi(moto);
        assertEquals(200, api.apply(RECEIVER).getStatusCode());
        List<JsonNode> lines = new ArrayList<>();
        for (String l : logs.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(l));
        }
        JsonNode request = lines.stream().filter(l -> "request".equals(l.path("event").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(lines.toString()));
        assertEquals("api", request.get("function").asText());
        assertEquals("POST", request.get("method").asText());
        assertEquals("/v1/apply", request.get("path").asText());
        assertEquals(200, request.get("status").asInt());
        assertEquals(TestApi.CALLER, request.get("caller").asText());
        assertTrue(request.get("durationMs").isIntegralNumber());
        JsonNode emf = lines.stream().filter(l -> l.has("_aws")).findFirst().orElseThrow();
        assertEquals("api", emf.get("Function").asText());
        assertEquals(request.get("requestId").asText(), emf.get("requestId").asText(), "one invocation, one id");
        assertEquals(1, emf.get("ApiRequests").asInt());
        assertEquals(1, emf.get("ApiWrites").asInt());
        assertEquals(0, emf.get("ApiErrors").asInt());
    }
}
