package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Payloads;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.testing.LostAnswers;
import dev.rset.webhook.testing.World;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A write that the backend applied but whose answer was lost is sent again by the SDK (with the
 * same request). The resend then fails on what the first one wrote: the delivery must still be
 * processed as one, its event not dropped as stale.
 */
@ExtendWith(MotoServer.class)
class LostAnswerTest {
    private static final String TOKEN = "gh-lost-token-0b3e";
    private static final String REPO = "https://github.com/acme/app";
    private static final Instant T0 = World.NOW.minusSeconds(600);
    private static final String SHA1 = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private static final String SHA2 = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";

    private World world;
    private String digest;

    @BeforeEach
    void setUp(MotoServer moto) {
        world = World.create(moto);
        digest = world.pullRequestPreviews(TOKEN, REPO);
    }

    private World.Response post(String delivery, ChangeRequest cr) {
        return world.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, delivery, REPO, cr));
    }

    @Test
    void anInputUpdateAnsweredLateIsStillThisDeliverys() {
        assertEquals(200, post("d-1", ChangeRequest.opened(1, SHA1, T0)).status());
        world.bus.drain();
        LostAnswers lost = new LostAnswers("UpdateItem");
        world.useService(world.service(lost));

        World.Response r = post("d-2", ChangeRequest.opened(1, SHA1, T0).synchronize(SHA2, T0.plusSeconds(1)));

        assertEquals(Set.of(), lost.pending(), "the answer was lost and the request sent again");
        assertEquals(200, r.status(), r.toString());
        assertEquals(SHA2, world.input("app-prs", "1").orElseThrow().values().get("sha"));
        assertEquals(1, world.bus.drain().size(), "its InputsChanged was published");
    }

    @Test
    void anOpenedWhosePlaceAndInputWereAnsweredLateStillPublishes() {
        LostAnswers lost = new LostAnswers("UpdateItem", "PutItem");
        world.useService(world.service(lost));

        World.Response r = post("d-1", ChangeRequest.opened(1, SHA1, T0));

        assertEquals(Set.of(), lost.pending());
        assertEquals(200, r.status(), r.toString());
        assertEquals(SHA1, world.input("app-prs", "1").orElseThrow().values().get("sha"));
        assertEquals(1, world.bus.drain().size());
    }

    @Test
    void aClosingWhoseTombstoneWasAnsweredLateStillPublishes() {
        assertEquals(200, post("d-1", ChangeRequest.opened(1, SHA1, T0)).status());
        world.bus.drain();
        LostAnswers lost = new LostAnswers("PutItem");
        world.useService(world.service(lost));

        World.Response r = post("d-2", ChangeRequest.opened(1, SHA1, T0).closed(T0.plusSeconds(1)));

        assertEquals(Set.of(), lost.pending());
        assertEquals(200, r.status(), r.toString());
        assertEquals(List.of(), world.inputs("app-prs"));
        assertEquals(1, world.bus.drain().size());
    }
}
