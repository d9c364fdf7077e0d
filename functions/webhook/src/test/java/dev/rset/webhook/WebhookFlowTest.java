package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.store.StoredInput;
import dev.rset.store.testing.MotoServer;
import dev.rset.events.PublishException;
import dev.rset.webhook.testing.World;
import dev.rset.webhook.testing.World.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A pull request's life through the deployed function, against DynamoDB, EventBridge and SQS on moto_server. */
@ExtendWith(MotoServer.class)
class WebhookFlowTest {
    private static final String TOKEN = "gh-webhook-token-5f1c";
    private static final String REPO = "https://github.com/acme/app";
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final String SHA1 = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private static final String SHA2 = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";

    private World world;
    private String digest;

    @BeforeEach
    void setUp(MotoServer moto) {
        world = World.create(moto);
        digest = world.receiver("github", ReceiverType.GITHUB, TOKEN, List.of("pull_request", "push"),
                List.of(Objects.byName("app-prs"), Objects.byName("app-branches")));
        world.provider("app-prs", "GitHubPullRequest", REPO, Map.of("defaultValues", Map.of("chart", "charts/app")));
        world.provider("app-branches", "GitHubBranch", REPO, Map.of());
        world.provider("unrelated", "GitHubPullRequest", REPO, Map.of());
        world.resourceSet("previews", "app-prs");
        world.resourceSet("preview-dashboards", "app-prs");
        world.resourceSet("branch-envs", "app-branches");
        world.resourceSet("others", "unrelated");
    }

    private SignedRequest pr(String delivery, ChangeRequest cr) {
        return Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, delivery, REPO, cr);
    }

    private List<String> rsetsNotified() {
        return world.bus.drain().stream().map(e -> {
            assertEquals("InputsChanged", e.get("detail-type").asText());
            assertEquals("rset.webhook", e.get("source").asText());
            return e.get("detail").get("resourceSet").get("name").asText();
        }).sorted().toList();
    }

    @Test
    void pullRequestLifecycle() {
        ChangeRequest opened = ChangeRequest.opened(12, SHA1, T0);
        Response r = world.post(digest, pr("d-open", opened));
        assertEquals(200, r.status(), r.toString());
        StoredInput item = world.input("app-prs", "12").orElseThrow();
        assertEquals(Map.of("id", "12", "sha", SHA1, "branch", "feature-12", "author", "dev", "title", "Feature 12",
                "labels", List.of("preview"), "chart", "charts/app"), item.values());
        assertEquals(List.of("preview-dashboards", "previews"), rsetsNotified(), "one event per affected ResourceSet");

        // synchronize with a new head SHA
        Response sync = world.post(digest, pr("d-sync", opened.synchronize(SHA2, T0.plusSeconds(30))));
        assertEquals(200, sync.status(), sync.toString());
        assertEquals(SHA2, world.input("app-prs", "12").orElseThrow().values().get("sha"));
        assertEquals(List.of("preview-dashboards", "previews"), rsetsNotified());

        // the same delivery again: acknowledged, nothing written; the event is sent again, since the
        // item cannot tell whether the first attempt got that far
        Response again = world.post(digest, pr("d-sync", opened.synchronize(SHA2, T0.plusSeconds(30))));
        assertEquals(200, again.status());
        assertEquals(1, again.body().get("inputs").get("already_applied").asInt(), again.toString());
        assertEquals(SHA2, world.input("app-prs", "12").orElseThrow().values().get("sha"));
        assertEquals(List.of("preview-dashboards", "previews"), rsetsNotified());

        // an older delivery arriving late (another id, older update time) changes nothing
        Response late = world.post(digest, pr("d-late", opened.withAction("reopened")));
        assertEquals(200, late.status(), late.toString());
        assertEquals(1, late.body().get("inputs").get("stale").asInt(), late.toString());
        assertEquals(SHA2, world.input("app-prs", "12").orElseThrow().values().get("sha"));
        assertEquals(List.of(), rsetsNotified());

        // closed: the input goes, the ResourceSets hear about it
        Response closed = world.post(digest, pr("d-close", opened.closed(T0.plusSeconds(60))));
        assertEquals(200, closed.status(), closed.toString());
        assertTrue(world.input("app-prs", "12").isEmpty());
        assertEquals(List.of(), world.inputs("app-prs"));
        assertEquals(List.of("preview-dashboards", "previews"), rsetsNotified());

        // the late "opened" of before the close cannot bring it back
        world.post(digest, pr("d-open-late", opened.synchronize(SHA2, T0.plusSeconds(45))));
        assertTrue(world.input("app-prs", "12").isEmpty());
        assertEquals(List.of(), rsetsNotified());
        assertEquals(List.of(), world.inputs("unrelated"), "providers the receiver does not name are untouched");
    }

    @Test
    void eventDetailNamesTheResourceSetProvidersReceiverAndDelivery() {
        world.post(digest, pr("d-1", ChangeRequest.opened(3, SHA1, T0)));
        JsonNode detail = world.bus.drain().get(0).get("detail");
        assertEquals("apps", detail.get("resourceSet").get("namespace").asText());
        assertEquals("app-prs", detail.get("providers").get(0).get("name").asText());
        assertEquals("apps/github", detail.get("receiver").asText());
        assertEquals("d-1", detail.get("deliveryId").asText());
    }

    @Test
    void branchPushUpdatesBranchProvidersOnly() {
        Response r = world.post(digest, Payloads.push(ReceiverType.GITHUB, TOKEN, "d-push", REPO, "refs/heads/main",
                SHA1, SHA2, T0));
        assertEquals(200, r.status(), r.toString());
        assertEquals(List.of(Map.of("id", dev.rset.core.inputs.InputIds.of("main"), "branch", "main", "sha", SHA2)),
                world.inputs("app-branches").stream().map(StoredInput::values).toList());
        assertEquals(List.of(), world.inputs("app-prs"));
        assertEquals(List.of("branch-envs"), rsetsNotified());
    }

    @Test
    void pingAndEventsTheReceiverDoesNotListHaveNoSideEffects() {
        long before = world.writtenItems();
        Response ping = world.post(digest, Payloads.ping(TOKEN, "d-ping", REPO));
        assertEquals(200, ping.status());
        assertEquals("pong", ping.message());
        SignedRequest delete = Payloads.delete(ReceiverType.GITHUB, TOKEN, "d-del", REPO, "branch", "main", T0);
        Response notListed = world.post(digest, delete);
        assertEquals(202, notListed.status());
        assertEquals("event delete is not in the receiver's spec.events: ignored", notListed.message());
        Response unknown = world.post(digest, pr("d-x", ChangeRequest.opened(1, SHA1, T0))
                .withHeader("X-GitHub-Event", "issues"));
        assertEquals(202, unknown.status(), "issues is not listed either");
        assertEquals(before, world.writtenItems());
        assertEquals(List.of(), rsetsNotified());
    }

    @Test
    void aBusFailureAnswers503AndTheForgesRetryDeliversTheEvent() {
        world.useService(world.serviceWhoseFirstPublishFails(new PublishException("1 event(s) not accepted by bus: InternalFailure")));
        SignedRequest open = pr("d-retry", ChangeRequest.opened(5, SHA1, T0));
        Response first = world.post(digest, open);
        assertEquals(503, first.status(), first.toString());
        assertEquals(List.of(), rsetsNotified());
        Response retry = world.post(digest, open);
        assertEquals(200, retry.status(), retry.toString());
        assertEquals(1, retry.body().get("inputs").get("already_applied").asInt(), retry.toString());
        assertEquals(List.of("preview-dashboards", "previews"), rsetsNotified(),
                "the retry sends the events the failed attempt owed");
        assertEquals(SHA1, world.input("app-prs", "5").orElseThrow().values().get("sha"));
    }

    @Test
    void genericReceiverRequestsAPollOfItsProviders(MotoServer moto) {
        String generic = world.receiver("nightly", ReceiverType.GENERIC, "generic-token", List.of(),
                List.of(Objects.byName("app-branches")));
        world.useService(world.service(p -> p));
        Response r = world.post(generic, Map.of("Content-Type", "application/json"), "{}", false);
        assertEquals(202, r.status(), r.toString());
        List<JsonNode> events = world.bus.drain();
        assertEquals(1, events.size());
        assertEquals("ReconcileRequested", events.get(0).get("detail-type").asText());
        assertEquals("app-branches", events.get(0).get("detail").get("name").asText());
    }

    @Test
    void genericReceiverTakesARequestWithoutAnyContentType() {
        // issue #11: refused with 415 where Flux checks only the path
        String generic = world.receiver("nightly", ReceiverType.GENERIC, "generic-token", List.of(),
                List.of(Objects.byName("app-branches")));
        world.useService(world.service(p -> p));
        Response r = world.post(generic, Map.of(), "", false);
        assertEquals(202, r.status(), r.toString());
        assertEquals(1, world.bus.drain().size());
    }

    @Test
    void gitHubsFormEncodedDeliveryIsReadFromItsPayloadField() {
        // GitHub's default content type; the signature covers the form body as sent
        String json = pr("d-form", ChangeRequest.opened(21, SHA1, T0)).bodyText();
        byte[] form = ("payload=" + java.net.URLEncoder.encode(json, java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SignedRequest signed = dev.rset.forge.testing.Signer.sign(ReceiverType.GITHUB, TOKEN, "pull_request", "d-form",
                form).withHeader("Content-Type", "application/x-www-form-urlencoded");
        Response r = world.post(digest, signed);
        assertEquals(200, r.status(), r.toString());
        assertEquals(SHA1, world.input("app-prs", "21").orElseThrow().values().get("sha"));

        SignedRequest tampered = signed.withBody(new String(form, java.nio.charset.StandardCharsets.UTF_8)
                .replace("Feature+21", "Feature+22").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(401, world.post(digest, tampered.withHeader("X-GitHub-Delivery", "d-form-2")).status());
    }

    @Test
    void answersGiveCountsNeverProviderNamesOrRepositories() {
        // issue #11: anyone reading the forge's delivery log saw other providers and their repositories
        world.provider("elsewhere", "GitHubPullRequest", "https://github.com/acme/secret-repo", Map.of());
        String all = world.receiver("all", ReceiverType.GITHUB, "all-token", List.of(), List.of(
                Objects.byName("app-prs"), Objects.byName("app-branches"), Objects.byName("unrelated"),
                Objects.byName("elsewhere")));
        world.useService(world.service(p -> p));
        Response r = world.post(all, Payloads.changeRequest(ReceiverType.GITHUB, "all-token", "d-all", REPO,
                ChangeRequest.opened(4, SHA1, T0)));
        assertEquals(200, r.status(), r.toString());
        assertEquals(4, r.body().get("providers").asInt(), r.toString());
        assertEquals(2, r.body().get("inputs").get("changed").asInt(), r.toString());
        assertEquals(3, r.body().get("resourceSets").asInt(), r.toString());
        for (String secret : List.of("secret-repo", "acme", "app-prs", "unrelated", "elsewhere", "previews")) {
            assertFalse(r.body().toString().contains(secret), secret + " in " + r);
        }
    }
}
