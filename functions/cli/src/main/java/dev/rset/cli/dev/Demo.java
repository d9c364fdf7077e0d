package dev.rset.cli.dev;

import dev.rset.core.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.cli.UserError;
import dev.rset.store.SecretNames;
import dev.rset.store.SecretRef;
import java.io.IOException;
import java.io.InputStream;
import dev.rset.store.secrets.FileSecretStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code rset dev --demo}: applies the preview-environments example (a GitHub Receiver, a
 * pull-request provider, a ResourceSet with a Namespace, Deployment and Service per pull request),
 * then plays a pull request's life as GitHub would deliver it, signed with the Receiver's token:
 * opened without the label, labelled {@code deploy/preview}, pushed, closed. Each delivery goes
 * through the real webhook route, and the reconcile runs it causes print what they did.
 */
final class Demo {
    private static final String NAMESPACE = "apps";
    private static final String RECEIVER = "github-previews";
    private static final String TOKEN_SECRET = "github-webhook-token";
    private static final String PROVIDER = "podinfo-prs";
    /** The provider's {@code spec.secretRef}: the GitHub API token its poll needs. */
    private static final String API_TOKEN_SECRET = "github-api-token";
    private static final String REPO = "https://github.com/example-org/podinfo";
    private static final List<String> MANIFESTS = List.of("receiver.yaml", "provider.yaml", "resourceset.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DevControlPlane plane;
    private final Console out;
    private final HttpClient http = HttpClient.newHttpClient();

    Demo(DevControlPlane plane, Console out) {
        this.plane = plane;
        this.out = out;
    }

    void run() throws InterruptedException {
        String token = token();
        for (String name : MANIFESTS) {
            HttpResponse<String> r = DefaultCluster.post(plane.endpoint().resolve("/v1/apply"), example(name));
            if (r.statusCode() != 200) {
                throw new UserError("demo: applying " + name + " failed: " + r.body());
            }
        }
        say("demo: applied examples/preview-environments (Receiver, ResourceSetInputProvider, ResourceSet in namespace "
                + NAMESPACE + ")");
        settle();
        URI hook = plane.endpoint().resolve("/hook/" + Sha256.hex(token + RECEIVER + NAMESPACE));
        say("  webhook URL     " + hook);
        say("  webhook secret  " + token + "   (secret " + NAMESPACE + "/" + TOKEN_SECRET + ")");

        String head = "9f2c1e0b7a3d4c5e6f708192a3b4c5d6e7f80912";
        deliver(hook, token, "PR #42 opened without the deploy/preview label: nothing to deploy",
                pullRequest("opened", "open", head, List.of()));
        deliver(hook, token, "PR #42 labelled deploy/preview: its preview environment is created",
                pullRequest("labeled", "open", head, List.of("deploy/preview")));
        deliver(hook, token, "PR #42 pushed: the Deployment follows the new head commit",
                pullRequest("synchronize", "open", "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", List.of("deploy/preview")));
        deliver(hook, token, "PR #42 closed: its preview environment is removed",
                pullRequest("closed", "closed", "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", List.of("deploy/preview")));
        say("demo: done; the objects were under " + DefaultCluster.directory(plane.stateDir()));
        explainPolling();
    }

    /**
     * The example's provider names a GitHub token the demo does not have, for a repository that
     * does not exist: the scheduler finds no token and leaves GitHub alone, which its status and
     * one warning say. Said here first, with how to poll a repository of one's own.
     */
    private void explainPolling() {
        SecretRef ref = new SecretNames(DevControlPlane.SECRET_PREFIX).providerSecret(NAMESPACE, API_TOKEN_SECRET);
        if (plane.secrets().get(ref).isPresent()) {
            return;
        }
        say("demo: only webhooks update " + NAMESPACE + "/" + PROVIDER + " here: it has no GitHub token (secret "
                + NAMESPACE + "/" + API_TOKEN_SECRET + "), so the scheduler leaves GitHub alone and reports "
                + "SecretNotFound (a warning, at most hourly)");
        say("  to poll a repository of yours, set its spec.url and start rset dev with "
                + FileSecretStore.envName(ref.name()) + "=<token>");
    }

    /** The Receiver's token: made once and kept in the state directory's secrets file. */
    private String token() {
        SecretRef ref = new SecretNames(DevControlPlane.SECRET_PREFIX).receiverToken(NAMESPACE, TOKEN_SECRET);
        return plane.secrets().get(ref).orElseGet(() -> {
            byte[] random = new byte[20];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            plane.secrets().put(ref.name(), token, "rset dev demo: the GitHub webhook token");
            return token;
        });
    }

    private void deliver(URI hook, String token, String what, Map<String, Object> payload) throws InterruptedException {
        say("demo: " + what);
        byte[] body = json(payload);
        HttpRequest request = HttpRequest.newBuilder(hook).header("Content-Type", "application/json")
                .header("X-GitHub-Event", "pull_request").header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hmac(token, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        // The runs this delivery causes may report before the webhook answers: they come after.
        out.hold();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            out.release("  POST /hook/… → " + r.statusCode() + " " + r.body());
        } catch (IOException e) {
            out.release("  POST /hook/… → no answer");
            throw new UserError("demo: the webhook did not answer: " + e.getMessage());
        }
        settle();
    }

    /** Waits for the runs a step caused, so their report comes before the next step. */
    private void settle() throws InterruptedException {
        if (!plane.queue().awaitIdle(Duration.ofSeconds(60))) {
            say("  (runs still going after 60 s)");
        }
    }

    /** A pull_request delivery with the fields GitHub documents and the webhook reads. */
    private static Map<String, Object> pullRequest(String action, String state, String sha, List<String> labels) {
        Map<String, Object> pr = new LinkedHashMap<>();
        pr.put("number", 42);
        pr.put("state", state);
        pr.put("title", "New UI: dark mode");
        pr.put("user", Map.of("login", "octocat"));
        pr.put("head", Map.of("ref", "feat/new-ui", "sha", sha));
        pr.put("labels", labels.stream().map(l -> Map.of("name", l)).toList());
        pr.put("updated_at", Instant.now().toString());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", action);
        payload.put("number", 42);
        payload.put("pull_request", pr);
        payload.put("repository", Map.of("full_name", "example-org/podinfo", "html_url", REPO));
        return payload;
    }

    private static String example(String name) {
        try (InputStream in = Demo.class.getResourceAsStream("/demo/preview-environments/" + name)) {
            if (in == null) {
                throw new UserError("demo: the example " + name + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("demo: cannot read " + name + ": " + e.getMessage());
        }
    }

    private void say(String line) {
        out.line(line);
    }

    private static byte[] json(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the demo's payloads are plain data", e);
        }
    }

    static String hmac(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

}
