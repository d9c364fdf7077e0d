package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Payloads;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.testing.RoundTrips;
import dev.rset.webhook.testing.World;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backend requests of one warm delivery (receiver, token and definitions cached), by
 * operation, for each kind of pull request delivery: the latency budget of docs/design.md
 * ("Requests per delivery"), at most 3. A change that adds a request fails here first.
 */
@ExtendWith(MotoServer.class)
class RequestBudgetTest {
    private static final String TOKEN = "gh-budget-token-71aa";
    private static final String REPO = "https://github.com/acme/app";
    private static final Instant T0 = World.NOW.minusSeconds(600);
    private static final String SHA1 = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private static final String SHA2 = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";

    private final RoundTrips sent = new RoundTrips();
    private World world;
    private String digest;
    private int deliveries;

    @BeforeEach
    void setUp(MotoServer moto) {
        world = World.create(moto);
        digest = world.pullRequestPreviews(TOKEN, REPO);
        world.useService(world.service(sent));
        // Warm: the receiver index, its token and the namespace's definitions are read once.
        deliver(ChangeRequest.opened(1, SHA1, T0));
        sent.take();
    }

    private Map<String, Integer> deliver(ChangeRequest cr) {
        World.Response r = world.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, TOKEN,
                "d-" + (++deliveries), REPO, cr));
        assertEquals(200, r.status(), r.toString());
        return sent.take();
    }

    /** The update in place, the event. */
    private static final Map<String, Integer> UPDATE = Map.of("DynamoDb.UpdateItem", 1, "EventBridge.PutEvents", 1);

    @Test
    void openedWritesANewInput() {
        // The place under the limit (an opened request's input is taken to be new), the input, the event.
        assertEquals(Map.of("DynamoDb.UpdateItem", 1, "DynamoDb.PutItem", 1, "EventBridge.PutEvents", 1),
                deliver(ChangeRequest.opened(2, SHA1, T0.plusSeconds(1))));
    }

    @Test
    void reopenedWritesTheInputBackUnderTheLimit() {
        deliver(ChangeRequest.opened(1, SHA1, T0).closed(T0.plusSeconds(1)));
        assertEquals(Map.of("DynamoDb.UpdateItem", 1, "DynamoDb.PutItem", 1, "EventBridge.PutEvents", 1),
                deliver(ChangeRequest.opened(1, SHA1, T0.plusSeconds(2))));
    }

    @Test
    void synchronizeUpdatesTheInput() {
        assertEquals(UPDATE, deliver(ChangeRequest.opened(1, SHA1, T0).synchronize(SHA2, T0.plusSeconds(1))));
    }

    @Test
    void labeledUpdatesTheInput() {
        assertEquals(UPDATE, deliver(ChangeRequest.opened(1, SHA1, T0).labeled(List.of("preview", "big"),
                T0.plusSeconds(1))));
    }

    @Test
    void closedRemovesTheInput() {
        // The tombstone; the place's release, which also tells whether the set was at its limit (no
        // list read); the event.
        assertEquals(Map.of("DynamoDb.PutItem", 1, "DynamoDb.UpdateItem", 1, "EventBridge.PutEvents", 1),
                deliver(ChangeRequest.opened(1, SHA1, T0).closed(T0.plusSeconds(1))));
    }

    @Test
    void aRedeliveryIsToldByTheInputItemItself() {
        ChangeRequest sync = ChangeRequest.opened(1, SHA1, T0).synchronize(SHA2, T0.plusSeconds(1));
        World.Response first = world.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, "d-again", REPO,
                sync));
        assertEquals(200, first.status(), first.toString());
        sent.take();
        World.Response again = world.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, "d-again", REPO,
                sync));
        assertEquals(200, again.status(), again.toString());
        // The update is refused by the item holding this delivery's own ordering (returned with the
        // refusal: no read); the event the first attempt may not have sent goes again.
        assertEquals(UPDATE, sent.take());
    }

    @Test
    void aRedeliveredOpenedThatIsLiveCostsTwoRequestsMore() {
        ChangeRequest open = ChangeRequest.opened(3, SHA1, T0.plusSeconds(1));
        deliver(open);
        World.Response again = world.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, TOKEN,
                "d-" + deliveries, REPO, open));
        assertEquals(200, again.status(), again.toString());
        // The guess "new" was wrong: the place is taken by the live input (one read confirms it), then
        // the update finds this delivery's own ordering.
        assertEquals(Map.of("DynamoDb.UpdateItem", 2, "DynamoDb.GetItem", 1, "EventBridge.PutEvents", 1),
                sent.take());
    }
}
