package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.api.Annotations;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.StoredInput;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.testing.LogCapture;
import dev.rset.webhook.testing.World;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhook obeys the provider's schedule and suspension, and same-second deliveries end in the forge's state. */
@ExtendWith(MotoServer.class)
class ScheduleRulesFlowTest {
    static final String REPO = "https://github.com/acme/app";
    static final String SHA = "da1560886d4f094c3e6c9ef40349f7d38b5d27d7";
    static final Instant T0 = Instant.parse("2026-11-24T11:00:00Z");

    static List<String> ids(World w) {
        return w.inputs("prs").stream().map(StoredInput::id).toList();
    }

    String setUp(World w, Map<String, Object> spec, Map<String, String> annotations) {
        String digest = w.receiver("github", ReceiverType.GITHUB, "t", List.of(), List.of(Objects.byName("prs")));
        w.provider("prs", "GitHubPullRequest", REPO, spec, annotations);
        w.resourceSet("previews", "prs");
        return digest;
    }

    World.Response open(World w, String digest, String delivery, int pr) {
        return w.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, "t", delivery, REPO,
                ChangeRequest.opened(pr, SHA, T0)));
    }

    @Test
    void aSuspendedProviderKeepsItsInputsAndTheAnswerSaysWhy(MotoServer moto) {
        World w = World.create(moto);
        String digest = setUp(w, Map.of(), Map.of(Annotations.RECONCILE, Annotations.DISABLED));
        World.Response r;
        try (LogCapture logs = new LogCapture()) {
            r = open(w, digest, "d-1", 1);
            // the answer gives counts (anyone reading the forge's delivery log sees it); the log says why
            assertTrue(logs.all().contains("prs: reconciliation is disabled"), logs.all());
        }
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.body().get("unchanged").asInt(), r.toString());
        assertEquals(List.of(), ids(w));
        assertEquals(List.of(), w.bus.drain());
    }

    @Test
    void aProviderOutsideItsWindowKeepsItsInputsAndTheAnswerNamesTheNextWindow(MotoServer moto) {
        World w = World.create(moto);
        // The handler's clock is 12:00 UTC: twelve hours before 05:00 London (GMT in November).
        String digest = setUp(w, Map.of("schedule", List.of(Map.of("cron", "0 5 * * *", "timeZone", "Europe/London",
                "window", "1h"))), Map.of());
        World.Response r;
        try (LogCapture logs = new LogCapture()) {
            r = open(w, digest, "d-1", 1);
            assertTrue(logs.all().contains("prs: outside its schedule (Reconciliation skipped, next scheduled at "
                    + "2026-11-25T05:00:00Z): inputs unchanged; the poll when the window opens brings them up to date"),
                    logs.all());
        }
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.body().get("unchanged").asInt(), r.toString());
        assertEquals(List.of(), ids(w));
        assertEquals(List.of(), w.bus.drain());
    }

    @Test
    void aProviderInsideItsWindowTakesTheChange(MotoServer moto) {
        World w = World.create(moto);
        String digest = setUp(w, Map.of("schedule", List.of(Map.of("cron", "0 11 * * *", "window", "2h"))), Map.of());
        assertEquals(200, open(w, digest, "d-1", 1).status());
        assertEquals(List.of("1"), ids(w));
    }

    @Test
    void openedAndClosedInTheSameSecondEndClosedInBothDeliveryOrders(MotoServer moto) {
        // Delivery ids are random: "a…" sorts before "z…". Each order is tried with each id order.
        for (boolean closedFirst : new boolean[] {false, true}) {
            for (boolean closedHasLowerId : new boolean[] {false, true}) {
                World w = World.create(moto);
                String digest = setUp(w, Map.of(), Map.of());
                ObjectKey key = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, World.NS, "prs");
                Instant later = World.NOW.plus(Duration.ofMinutes(10));
                w.stores.schedules().put(ScheduleState.initial(key).withNextDue(later));
                ChangeRequest opened = ChangeRequest.opened(5, SHA, T0);
                ChangeRequest closed = opened.closed(T0);
                String openedId = closedHasLowerId ? "z-opened" : "a-opened";
                String closedId = closedHasLowerId ? "a-closed" : "z-closed";
                var sendOpened = Payloads.changeRequest(ReceiverType.GITHUB, "t", openedId, REPO, opened);
                var sendClosed = Payloads.changeRequest(ReceiverType.GITHUB, "t", closedId, REPO, closed);
                World.Response second;
                if (closedFirst) {
                    w.post(digest, sendClosed);
                    second = w.post(digest, sendOpened);
                } else {
                    w.post(digest, sendOpened);
                    second = w.post(digest, sendClosed);
                }
                String label = "closed first: " + closedFirst + ", closed id lower: " + closedHasLowerId;
                assertEquals(List.of(), ids(w), label);
                if (closedFirst) {
                    // The late "opened" was refused: order was in doubt, so the forge is asked soon.
                    assertEquals(1, second.body().get("pollRequested").asInt(), label);
                    assertEquals(Optional.of(World.NOW), w.stores.schedules().get(key).orElseThrow().nextDue(), label);
                }
                w.bus.drain();
            }
        }
    }
}
