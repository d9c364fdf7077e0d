package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.testing.LogCapture;
import dev.rset.webhook.testing.World;
import dev.rset.webhook.testing.World.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every refused request: a 4xx with a reason that says what is wrong, and afterwards no input or
 * delivery item in the table, no event on the bus, and the token in no log line or response.
 */
@ExtendWith(MotoServer.class)
class BadInputTest {
    private static final String TOKEN = "tok-7d9e1c4b2a-secret";
    private static final String GITLAB_TOKEN = "glpat-tok-0a1b2c3d4e";
    private static final String REPO = "https://github.com/acme/app";
    private static final String GITLAB_REPO = "https://gitlab.example.com/acme/app";

    private World world;
    private String digest;
    private String gitlabDigest;
    private LogCapture logs;

    @BeforeEach
    void setUp(MotoServer moto) {
        world = World.create(moto);
        digest = world.receiver("github", ReceiverType.GITHUB, TOKEN, List.of(), List.of(Objects.byName("prs")));
        gitlabDigest = world.receiver("gitlab", ReceiverType.GITLAB, GITLAB_TOKEN, List.of(),
                List.of(Objects.byName("mrs")));
        world.provider("prs", "GitHubPullRequest", REPO, Map.of());
        world.provider("mrs", "GitLabMergeRequest", GITLAB_REPO, Map.of());
        world.resourceSet("previews", "prs", "mrs");
        logs = new LogCapture();
    }

    @AfterEach
    void noSideEffectsAndNoSecretInLogs() {
        logs.close();
        assertEquals(0, world.writtenItems(), "no input was written");
        assertEquals(List.of(), world.bus.drain(), "no event was published");
        assertFalse(logs.all().contains(TOKEN), logs::all);
        assertFalse(logs.all().contains(GITLAB_TOKEN), logs::all);
    }

    private static SignedRequest opened() {
        return Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, "d-1", REPO,
                ChangeRequest.opened(1, "ec26c3e57ca3a959ca5aad62de7213c562f8c821", Instant.parse(
                        "2026-11-24T10:00:00Z")));
    }

    private Response refused(int status, String digestToUse, SignedRequest r) {
        Response resp = world.post(digestToUse, r);
        assertEquals(status, resp.status(), resp.toString());
        assertFalse(resp.body().toString().contains(TOKEN));
        return resp;
    }

    @Test
    void wrongSignature() {
        SignedRequest r = opened().withHeader("X-Hub-Signature-256", "sha256=" + "ab".repeat(32));
        assertEquals("X-Hub-Signature-256 does not match the payload", refused(401, digest, r).message());
        SignedRequest tampered = opened().withBody(opened().bodyText().replace("Feature 1", "Feature 2")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("X-Hub-Signature-256 does not match the payload", refused(401, digest, tampered).message());
    }

    @Test
    void missingSignature() {
        assertEquals("missing X-Hub-Signature-256 header",
                refused(401, digest, opened().withoutHeader("X-Hub-Signature-256")).message());
    }

    @Test
    void wrongToken() {
        SignedRequest signedWithOther = Payloads.changeRequest(ReceiverType.GITHUB, "not-the-token", "d-1", REPO,
                ChangeRequest.opened(1, "ec26c3e57ca3a959ca5aad62de7213c562f8c821", Instant.parse(
                        "2026-11-24T10:00:00Z")));
        assertEquals("X-Hub-Signature-256 does not match the payload", refused(401, digest, signedWithOther).message());
        SignedRequest gitlab = Payloads.changeRequest(ReceiverType.GITLAB, "glpat-wrong", "d-2", GITLAB_REPO,
                ChangeRequest.opened(1, "ec26c3e57ca3a959ca5aad62de7213c562f8c821", Instant.parse(
                        "2026-11-24T10:00:00Z")));
        assertEquals("X-Gitlab-Token does not match the receiver's token",
                refused(401, gitlabDigest, gitlab).message());
        assertTrue(logs.all().contains("Receiver apps/gitlab: refused delivery: X-Gitlab-Token does not match"),
                "the refusal is logged (without the token): " + logs.all());
    }

    @Test
    void unknownReceiverPath() {
        String wrongTokenPath = dev.rset.forge.hook.Receivers.digest("guess", dev.rset.core.api.Receiver.from(Map.of(
                "apiVersion", "notification.toolkit.fluxcd.io/v1", "kind", "Receiver",
                "metadata", Map.of("name", "github", "namespace", "apps"),
                "spec", Map.of("type", "github", "secretRef", Map.of("name", "x"),
                        "resources", List.of(Objects.byName("prs"))))));
        assertEquals("no receiver at this path", refused(404, wrongTokenPath, opened()).message());
        assertEquals("no receiver at this path", refused(404, "not-a-digest", opened()).message());
    }

    @Test
    void truncatedJson() {
        SignedRequest full = opened();
        byte[] cut = Arrays.copyOf(full.body(), full.body().length - 40);
        SignedRequest truncated = dev.rset.forge.testing.Signer.sign(ReceiverType.GITHUB, TOKEN, "pull_request", "d-1",
                cut);
        String reason = refused(400, digest, truncated).message();
        assertTrue(reason.startsWith("pull_request event: payload is not valid JSON at line "), reason);
    }

    @Test
    void fiveMegabyteBody() {
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        SignedRequest huge = dev.rset.forge.testing.Signer.sign(ReceiverType.GITHUB, TOKEN, "pull_request", "d-1",
                big);
        assertEquals("payload of 5242880 bytes exceeds the limit of 1048576 bytes",
                refused(413, digest, huge).message());
        // the same as base64, as API Gateway passes binary media types
        Response b64 = world.post(digest, huge.headers(), Base64.getEncoder().encodeToString(big), true);
        assertEquals(413, b64.status(), b64.toString());
    }

    @Test
    void wrongContentType() {
        SignedRequest mr = Payloads.changeRequest(ReceiverType.GITLAB, GITLAB_TOKEN, "d-2", GITLAB_REPO,
                ChangeRequest.opened(1, "ec26c3e57ca3a959ca5aad62de7213c562f8c821", Instant.parse(
                        "2026-11-24T10:00:00Z")));
        Map<String, String> form = new LinkedHashMap<>(mr.headers());
        form.put("Content-Type", "application/x-www-form-urlencoded");
        Response r = world.post(gitlabDigest, form, "payload=" + mr.bodyText(), false);
        assertEquals(415, r.status());
        assertEquals("Content-Type must be application/json (set the webhook to send JSON), got "
                + "application/x-www-form-urlencoded", r.message());
        Response missing = world.post(digest, opened().withoutHeader("Content-Type"));
        assertEquals(415, missing.status());
        assertEquals("missing Content-Type header: send application/json or application/x-www-form-urlencoded",
                missing.message());
    }

    @Test
    void formEncodedGitHubDeliveryWithoutPayloadFieldOrWithBadEscapes() {
        for (String body : List.of("other=1", "payload=%7B%ZZ", "")) {
            SignedRequest r = dev.rset.forge.testing.Signer.sign(ReceiverType.GITHUB, TOKEN, "pull_request", "d-f",
                    body.getBytes(StandardCharsets.UTF_8)).withHeader("Content-Type",
                    "application/x-www-form-urlencoded");
            Response resp = refused(400, digest, r);
            assertTrue(resp.message().startsWith("form-encoded delivery "), resp.toString());
        }
    }

    @Test
    void titleOverFourHundredKilobytes() {
        // issue #11: answered 503 on every retry (DynamoDB refused the item); a 413 tells the forge to stop
        ChangeRequest huge = ChangeRequest.opened(1, "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
                Instant.parse("2026-11-24T10:00:00Z")).edited("x".repeat(400 * 1024 + 1), Instant.parse(
                "2026-11-24T10:00:00Z"));
        Response r = refused(413, digest, Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, "d-big", REPO, huge));
        assertEquals("pull_request event: title is 409601 bytes, the limit is 65536", r.message());
    }

    @Test
    void aReplayedEventOlderThanTheTombstonesIsRefused() {
        SignedRequest old = Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, "d-old", REPO,
                ChangeRequest.opened(7, "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
                        World.NOW.minus(java.time.Duration.ofDays(7))));
        assertEquals("pull_request event of 2026-11-17T12:00:00Z is older than removed inputs are remembered "
                + "(7 days): not applied", refused(422, digest, old).message());
    }

    @Test
    void bodyMarkedBase64ThatIsNot() {
        Response r = world.post(digest, opened().headers(), "not base64!", true);
        assertEquals(400, r.status(), r.toString());
        assertEquals("body is marked base64 but is not valid base64", r.message());
    }
}
