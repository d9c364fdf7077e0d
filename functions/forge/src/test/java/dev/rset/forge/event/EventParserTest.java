package dev.rset.forge.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.Headers;
import dev.rset.forge.hook.Rejection;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Payloads;
import dev.rset.forge.testing.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventParserTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String REPO = "https://github.com/acme/app";

    private static ParsedDelivery parse(ReceiverType type, SignedRequest r) {
        return EventParser.parse(type, new Delivery(Headers.of(r.headers()), r.body(), NOW));
    }

    private static SignedRequest pr() {
        return Payloads.changeRequest(ReceiverType.GITHUB, "t", "d-1", REPO,
                ChangeRequest.opened(1, "abc123", Instant.parse("2026-11-24T10:00:00Z")));
    }

    @Test
    void pingAndUnknownEventsChangeNothing() {
        assertTrue(parse(ReceiverType.GITHUB, Payloads.ping("t", "d-0", REPO)).event() instanceof PingEvent);
        ParsedDelivery issue = parse(ReceiverType.GITHUB, pr().withHeader("X-GitHub-Event", "issues"));
        assertEquals(new IgnoredEvent("GitHub event issues does not change inputs"), issue.event());
        assertEquals("issues", issue.eventName());
        assertEquals("d-1", issue.deliveryId());
    }

    @Test
    void truncatedJsonIsA400ThatSaysWhereItBroke() {
        SignedRequest r = pr();
        byte[] cut = Arrays.copyOf(r.body(), r.body().length / 2);
        Rejection e = assertThrows(Rejection.class, () -> parse(ReceiverType.GITHUB, r.withBody(cut)));
        assertEquals(400, e.status());
        assertTrue(e.reason().startsWith("pull_request event: payload is not valid JSON at line "), e.reason());
    }

    @Test
    void aMissingFieldIsNamedWithItsPath() {
        String body = pr().bodyText().replace("\"sha\" : ", "\"shaX\" : ").replace("\"sha\": ", "\"shaX\": ");
        Rejection e = assertThrows(Rejection.class, () -> parse(ReceiverType.GITHUB,
                pr().withBody(body.getBytes(StandardCharsets.UTF_8))));
        assertEquals("pull_request event: pull_request.head.sha: required string is missing", e.reason());
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        SignedRequest r = pr().withBody("{\"pull_request\": {\"number\": \"seven\"}}".getBytes(StandardCharsets.UTF_8));
        Rejection e = assertThrows(Rejection.class, () -> parse(ReceiverType.GITHUB, r));
        assertEquals("pull_request event: pull_request.head: required object is missing", e.reason());
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRefused() {
        Rejection e = assertThrows(Rejection.class, () -> parse(ReceiverType.GITHUB,
                pr().withBody("[1,2]".getBytes(StandardCharsets.UTF_8))));
        assertEquals("pull_request event: payload must be a JSON object", e.reason());
    }

    @Test
    void missingEventHeaderIsNamed() {
        Rejection e = assertThrows(Rejection.class, () -> parse(ReceiverType.GITLAB,
                new SignedRequest(Map.of("X-Gitlab-Token", "t"), "{}".getBytes(StandardCharsets.UTF_8))));
        assertEquals("missing X-Gitlab-Event header", e.reason());
    }

    @Test
    void timestampsInEveryForgeFormat() {
        assertEquals(Instant.parse("2013-12-03T17:23:34Z"), EventTimes.parse("2013-12-03 17:23:34 UTC"));
        assertEquals(Instant.parse("2022-03-09T07:31:06Z"), EventTimes.parse("2022-03-09T16:31:06+09:00"));
        assertEquals(Instant.parse("2016-09-19T13:03:27.2879096Z"), EventTimes.parse("2016-09-19T13:03:27.2879096Z"));
        assertEquals(null, EventTimes.parse("yesterday"));
    }

    @Test
    void gitlabTagPushWithoutATimeIsOrderedByArrival() {
        SignedRequest r = Payloads.push(ReceiverType.GITLAB, "t", "d-1", REPO, "refs/tags/v1", Payloads.ZERO,
                "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7", Instant.parse("2020-01-01T00:00:00Z"));
        assertEquals(NOW, ((RefEvent) parse(ReceiverType.GITLAB, r).event()).eventTime());
    }

    @Test
    void gitlabBranchPushIsOrderedByArrivalNeverByItsCommitsTimestamp() {
        // The commit's timestamp is the developer's clock: a force-push to an older commit keeps it.
        SignedRequest r = Payloads.push(ReceiverType.GITLAB, "t", "d-1", REPO, "refs/heads/main", Payloads.ZERO,
                "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7", Instant.parse("2020-01-01T00:00:00Z"));
        assertEquals(NOW, ((RefEvent) parse(ReceiverType.GITLAB, r).event()).eventTime());
    }

    @Test
    void githubPushIsOrderedByThePushTime() {
        SignedRequest r = Payloads.push(ReceiverType.GITHUB, "t", "d-1", REPO, "refs/heads/main",
                Payloads.ZERO, "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7", Instant.parse("2026-11-24T11:00:00Z"));
        assertEquals(Instant.parse("2026-11-24T11:00:00Z"), ((RefEvent) parse(ReceiverType.GITHUB, r).event())
                .eventTime());
    }

    @Test
    void repositoryUrlsCompareAcrossSchemeCaseUserInfoAndSuffix() {
        assertTrue(RepoUrl.same("https://GitHub.com/Acme/App.git", "http://github.com/acme/app/"));
        assertTrue(RepoUrl.same("https://dev.azure.com/acme/p/_git/r", "https://acme@dev.azure.com/acme/p/_git/r"));
        assertEquals(false, RepoUrl.same("https://github.com/acme/app", "https://github.com/acme/app2"));
        assertEquals(false, RepoUrl.same("", ""));
    }
}
