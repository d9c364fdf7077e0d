package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.store.StoredInput;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.testing.World;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Provider rules that need the stored inputs: the limit, and fields a payload does not carry. */
@ExtendWith(MotoServer.class)
class ProviderRulesFlowTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final String SHA = "da1560886d4f094c3e6c9ef40349f7d38b5d27d7";

    @Test
    void theLimitKeepsTheNewestRequests(MotoServer moto) {
        World world = World.create(moto);
        String digest = world.receiver("github", ReceiverType.GITHUB, "t", List.of(), List.of(Objects.byName("prs")));
        world.provider("prs", "GitHubPullRequest", "https://github.com/acme/app", Map.of("filter", Map.of("limit", 2)));
        world.resourceSet("previews", "prs");
        for (int pr : new int[] {1, 2, 3}) {
            world.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, "t", "d-" + pr,
                    "https://github.com/acme/app", ChangeRequest.opened(pr, SHA, T0.plusSeconds(pr))));
        }
        assertEquals(List.of("2", "3"), world.inputs("prs").stream().map(StoredInput::id).toList(),
                "PR 3 displaced the oldest");
        World.Response older = world.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, "t", "d-0",
                "https://github.com/acme/app", ChangeRequest.opened(1, SHA, T0.plusSeconds(10))));
        assertEquals(1, older.body().get("inputs").get("not_admitted").asInt(), older.toString());
        assertEquals(List.of("2", "3"), world.inputs("prs").stream().map(StoredInput::id).toList());
        world.bus.drain();
    }

    @Test
    void closedRequestsDoNotCountAgainstTheLimit(MotoServer moto) {
        World world = World.create(moto);
        String repo = "https://github.com/acme/app";
        String digest = world.receiver("github", ReceiverType.GITHUB, "t", List.of(), List.of(Objects.byName("prs")));
        world.provider("prs", "GitHubPullRequest", repo, Map.of("filter", Map.of("limit", 2)));
        for (int pr = 1; pr <= 20; pr++) {
            ChangeRequest opened = ChangeRequest.opened(pr, SHA, T0.plusSeconds(pr));
            world.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, "t", "o-" + pr, repo, opened));
            world.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, "t", "c-" + pr, repo,
                    opened.closed(T0.plusSeconds(pr).plusMillis(500))));
        }
        for (int pr : new int[] {7, 30}) {
            World.Response r = world.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, "t", "r-" + pr, repo,
                    ChangeRequest.opened(pr, SHA, T0.plusSeconds(100 + pr))));
            assertEquals(1, r.body().get("inputs").get("changed").asInt(), r.toString());
        }
        assertEquals(List.of("30", "7"), world.inputs("prs").stream().map(StoredInput::id).toList(),
                "20 tombstones, two live requests: both within the limit of 2");
    }

    @Test
    void gitlabKeepsTheAuthorWhenSomeoneElseUpdatesTheRequest(MotoServer moto) {
        World world = World.create(moto);
        String repo = "https://gitlab.example.com/acme/app";
        String digest = world.receiver("gitlab", ReceiverType.GITLAB, "gl", List.of(),
                List.of(Objects.byName("mrs")));
        world.provider("mrs", "GitLabMergeRequest", repo, Map.of());
        ChangeRequest opened = new ChangeRequest(4, "opened", true, SHA, "feat", "alice", "Feat", List.of(), T0);
        world.post(digest, Payloads.changeRequest(ReceiverType.GITLAB, "gl", "u-1", repo, opened));
        ChangeRequest byBob = new ChangeRequest(4, "synchronize", true, "0".repeat(39) + "1", "feat", "bob",
                "Feat", List.of("ready"), T0.plusSeconds(5));
        world.post(digest, Payloads.changeRequest(ReceiverType.GITLAB, "gl", "u-2", repo, byBob));
        Map<String, Object> values = world.input("mrs", "4").orElseThrow().values();
        assertEquals("alice", values.get("author"), "GitLab names the actor, not the author, after open");
        assertEquals("0".repeat(39) + "1", values.get("sha"));
        assertEquals(List.of("ready"), values.get("labels"));
    }
}
