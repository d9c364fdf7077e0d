package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.events.EventPublisher;
import dev.rset.events.InputsChanged;
import dev.rset.events.ReconcileRequested;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.store.DeliveryClaim;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.delivery.DeliveryKeys;
import dev.rset.webhook.testing.World;
import dev.rset.webhook.testing.World.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #11, item 5: a delivery is processed once, and never "claimed and lost". An attempt that
 * dies (a Lambda timeout, an Error) no longer leaves its claim for 24 h; a signed body replayed
 * under a fresh delivery id is a duplicate; a replayed old event cannot bring back a closed request.
 */
@ExtendWith(MotoServer.class)
class ExactlyOnceTest {
    private static final String TOKEN = "exactly-once-token";
    private static final String REPO = "https://github.com/acme/app";
    private static final String SHA1 = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
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
    void anAttemptThatDiedWithoutAWordHoldsTheDeliveryOnlyForItsLease() {
        SignedRequest open = pr("d-1", ChangeRequest.opened(1, SHA1, T0));
        // what a timed-out attempt leaves: its claim, and nothing after it
        DeliveryClaim died = world.stores.deliveries().claim("apps/github", DeliveryKeys.of(ReceiverType.GITHUB,
                "d-1", open.body()), WebhookService.LEASE);
        assertInstanceOf(DeliveryClaim.Claimed.class, died);

        Response during = world.post(digest, open);
        assertEquals(503, during.status(), "the forge is told to retry: " + during);
        assertTrue(world.input("prs", "1").isEmpty());

        world.clock.advance(WebhookService.LEASE);
        Response retry = world.post(digest, open);
        assertEquals(200, retry.status(), retry.toString());
        assertEquals(SHA1, world.input("prs", "1").orElseThrow().values().get("sha"));
        assertEquals(1, world.bus.drain().size());
        assertEquals("the delivery was already processed", world.post(digest, open).message());
    }

    @Test
    void anErrorReleasesTheClaimSoTheRetryIsProcessedAtOnce() {
        AtomicInteger failures = new AtomicInteger(1);
        world.useService(world.service(real -> new EventPublisher() {
            @Override
            public void inputsChanged(List<InputsChanged> events) {
                if (failures.getAndDecrement() > 0) {
                    throw new StackOverflowError();
                }
                real.inputsChanged(events);
            }

            @Override
            public void reconcileRequested(List<ReconcileRequested> events) {
                real.reconcileRequested(events);
            }
        }));
        SignedRequest open = pr("d-err", ChangeRequest.opened(2, SHA1, T0));
        Response first = world.post(digest, open);
        assertEquals(503, first.status(), first.toString());
        Response retry = world.post(digest, open);
        assertEquals(200, retry.status(), retry.toString());
        assertEquals(1, retry.body().get("inputs").get("already_applied").asInt(), retry.toString());
        assertEquals(1, world.bus.drain().size(), "the retry sends the event the failed attempt owed");
    }

    @Test
    void theSameSignedBodyUnderAnotherDeliveryIdIsADuplicate() {
        SignedRequest open = pr("d-a", ChangeRequest.opened(3, SHA1, T0));
        assertEquals(200, world.post(digest, open).status());
        world.bus.drain();
        long items = world.writtenItems();
        // the delivery id header is not signed: anyone who saw the delivery can change it
        Response replay = world.post(digest, open.withHeader("X-GitHub-Delivery", "d-forged"));
        assertEquals(200, replay.status());
        assertEquals("the delivery was already processed", replay.message());
        assertEquals(items, world.writtenItems(), "nothing written for the replay");
        assertEquals(List.of(), world.bus.drain());
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
