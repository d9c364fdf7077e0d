package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.store.StoredInput;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.testing.World;
import dev.rset.webhook.testing.World.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deliveries that come again: a forge's retry after a failed attempt, a redelivery of a processed
 * one, a captured body under a forged delivery id, an old event replayed. Each is known by the
 * ordering its write carries (event time, then the signed body's digest): it changes nothing,
 * and the event an earlier attempt may not have sent is sent; an older one changes nothing either.
 */
@ExtendWith(MotoServer.class)
class RedeliveryTest {
    private static final String TOKEN = "redelivery-token";
    private static final String REPO = "https://github.com/acme/app";
    private static final String SHA1 = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private static final String SHA2 = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";
    private static final Instant T0 = World.NOW.minus(Duration.ofHours(2));

    private World world;
    private String digest;

    @BeforeEach
    void setUp(MotoServer moto) {
        world = World.create(moto);
        digest = world.receiver("github", ReceiverType.GITHUB, TOKEN, List.of(), List.of(Objects.byName("prs")));
        world.provider("prs", "GitHubPullRequest", REPO, Map.of());
        world.resourceSet("previews", "prs");
    }

    private SignedRequest pr(String delivery, ChangeRequest cr) {
        return Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, delivery, REPO, cr);
    }

    @Test
    void anAttemptThatFailedAfterItsWriteIsFinishedByTheRetry() {
        world.useService(world.serviceWhoseFirstPublishFails(new StackOverflowError()));
        SignedRequest open = pr("d-err", ChangeRequest.opened(2, SHA1, T0));
        Response first = world.post(digest, open);
        assertEquals(503, first.status(), first.toString());
        assertTrue(world.input("prs", "2").isPresent(), "the write stays");
        assertEquals(List.of(), world.bus.drain());
        Response retry = world.post(digest, open);
        assertEquals(200, retry.status(), retry.toString());
        assertEquals(1, retry.body().get("inputs").get("already_applied").asInt(), retry.toString());
        assertEquals(1, world.bus.drain().size(), "the retry sends the event the failed attempt owed");
    }

    @Test
    void aProcessedDeliveryThatComesAgainChangesNothing() {
        SignedRequest sync = pr("d-1", ChangeRequest.opened(1, SHA1, T0).synchronize(SHA2, T0.plusSeconds(5)));
        assertEquals(200, world.post(digest, pr("d-0", ChangeRequest.opened(1, SHA1, T0))).status());
        assertEquals(200, world.post(digest, sync).status());
        StoredInput written = world.input("prs", "1").orElseThrow();
        Map<String, Map<String, String>> items = world.inputItems();
        world.bus.drain();

        Response again = world.post(digest, sync);
        assertEquals(200, again.status(), again.toString());
        assertEquals(Map.of("already_applied", 1), counts(again));
        assertEquals(written, world.input("prs", "1").orElseThrow());
        assertEquals(items, world.inputItems(), "nothing written");
        assertEquals(1, world.bus.drain().size());
    }

    @Test
    void theSameSignedBodyUnderAnotherDeliveryIdIsTheSameWrite() {
        SignedRequest open = pr("d-a", ChangeRequest.opened(3, SHA1, T0));
        assertEquals(200, world.post(digest, open).status());
        world.bus.drain();
        Map<String, Map<String, String>> items = world.inputItems();
        // the delivery id header is not signed: anyone who saw the delivery can change it
        Response replay = world.post(digest, open.withHeader("X-GitHub-Delivery", "d-forged"));
        assertEquals(200, replay.status(), replay.toString());
        assertEquals(Map.of("already_applied", 1), counts(replay));
        assertFalse(replay.body().has("pollRequested"), "a replay asks the forge for nothing: " + replay);
        assertEquals(items, world.inputItems(), "nothing written for the replay");
    }

    @Test
    void anOlderDeliveryForgedUnderANewIdChangesNothingAndSendsNothing() {
        ChangeRequest opened = ChangeRequest.opened(4, SHA1, T0);
        SignedRequest open = pr("d-4-open", opened);
        assertEquals(200, world.post(digest, open).status());
        assertEquals(200, world.post(digest, pr("d-4-sync", opened.synchronize(SHA2, T0.plusSeconds(30)))).status());
        world.bus.drain();
        Map<String, Map<String, String>> items = world.inputItems();
        Response replay = world.post(digest, open.withHeader("X-GitHub-Delivery", "d-4-forged"));
        assertEquals(200, replay.status(), replay.toString());
        assertEquals(Map.of("stale", 1), counts(replay));
        assertEquals(SHA2, world.input("prs", "4").orElseThrow().values().get("sha"));
        assertEquals(items, world.inputItems());
        assertEquals(List.of(), world.bus.drain());
    }

    private static Map<String, Integer> counts(Response r) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        r.body().get("inputs").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    @Test
    void aReplayedOldOpenedCannotBringBackAClosedRequest() {
        // issue #11: a replayed old `opened` brought closed PR #7 back once its tombstone had expired
        ChangeRequest opened = ChangeRequest.opened(7, SHA1, T0);
        SignedRequest open = pr("d-7-open", opened);
        assertEquals(200, world.post(digest, open).status());
        assertEquals(200, world.post(digest, pr("d-7-close", opened.closed(T0.plusSeconds(60)))).status());
        assertTrue(world.input("prs", "7").isEmpty());

        world.clock.advance(Duration.ofDays(7));
        Response replay = world.post(digest, open.withHeader("X-GitHub-Delivery", "d-7-replay"));
        assertEquals(422, replay.status(), replay.toString());
        assertFalse(replay.message().contains(REPO));
        assertTrue(world.input("prs", "7").isEmpty());
    }

    @Test
    void anEventWithinTheTombstoneTtlIsStillApplied() {
        world.clock.advance(Duration.ofDays(6));
        Response r = world.post(digest, pr("d-8", ChangeRequest.opened(8, SHA1, T0)));
        assertEquals(200, r.status(), r.toString());
        assertTrue(world.input("prs", "8").isPresent());
    }
}
