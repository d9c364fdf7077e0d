package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.StoredInput;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.testing.World;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Orders the webhook cannot settle alone: a force-push to an older commit, and requests pushed out
 * under a limit. Commit clocks never order; where the set beyond the limit is in doubt, the
 * webhook asks for an early poll, whose answer (the scheduler's, see ForgePollTickTest) wins.
 */
@ExtendWith(MotoServer.class)
class OrderDoubtFlowTest {
    static final String GITLAB_REPO = "https://gitlab.example.com/acme/app";
    static final String GITHUB_REPO = "https://github.com/acme/app";
    static final String OLD_HEAD = "1111111111111111111111111111111111111111";
    static final String NEW_HEAD = "2222222222222222222222222222222222222222";
    static final Instant COMMITTED = Instant.parse("2026-11-24T11:00:00Z");

    @Test
    void aGitLabForcePushToACommitWithAnOlderCommitterDateEndsAtTheNewHead(MotoServer moto) {
        World w = World.create(moto);
        String digest = w.receiver("gitlab", ReceiverType.GITLAB, "gl", List.of(), List.of(Objects.byName("branches")));
        w.provider("branches", "GitLabBranch", GITLAB_REPO, Map.of());
        w.resourceSet("apps", "branches");
        w.post(digest, Payloads.push(ReceiverType.GITLAB, "gl", "u-1", GITLAB_REPO, "refs/heads/main",
                Payloads.ZERO, OLD_HEAD, COMMITTED));
        w.clock.advance(Duration.ofSeconds(30));
        // The force-pushed commit was made (by the developer's clock) three days before the old head.
        World.Response r = w.post(digest, Payloads.push(ReceiverType.GITLAB, "gl", "u-2", GITLAB_REPO,
                "refs/heads/main", OLD_HEAD, NEW_HEAD, COMMITTED.minus(Duration.ofDays(3))));
        assertEquals(200, r.status(), r.toString());
        List<StoredInput> inputs = w.inputs("branches");
        assertEquals(1, inputs.size(), inputs.toString());
        assertEquals(NEW_HEAD, inputs.get(0).values().get("sha"), "the push received last is the head");
        assertEquals("main", inputs.get(0).values().get("branch"));
        w.bus.drain();
    }

    @Test
    void closingARequestUnderTheLimitAsksTheForgeWhichRequestsNowRankIn(MotoServer moto) {
        World w = World.create(moto);
        String digest = w.receiver("github", ReceiverType.GITHUB, "t", List.of(), List.of(Objects.byName("prs")));
        w.provider("prs", "GitHubPullRequest", GITHUB_REPO, Map.of("filter", Map.of("limit", 2)));
        w.resourceSet("previews", "prs");
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, World.NS, "prs");
        Instant nextPoll = World.NOW.plus(Duration.ofMinutes(10));
        ScheduleState schedule = w.stores.schedules().put(ScheduleState.initial(key).withNextDue(nextPoll));

        for (int pr : new int[] {10, 11}) {
            World.Response r = w.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, "t", "o-" + pr, GITHUB_REPO,
                    ChangeRequest.opened(pr, OLD_HEAD, COMMITTED.plusSeconds(pr))));
            assertEquals(null, r.body().get("pollRequested"), "room under the limit: nothing in doubt " + r);
        }
        ChangeRequest twelve = ChangeRequest.opened(12, NEW_HEAD, COMMITTED.plusSeconds(12));
        World.Response opened = w.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, "t", "o-12", GITHUB_REPO,
                twelve));
        assertEquals(List.of("11", "12"), ids(w), "#12 pushed #10 out");
        assertEquals(1, opened.body().get("pollRequested").asInt(), "an eviction is a doubt: " + opened);
        assertEquals(Optional.of(World.NOW), w.stores.schedules().get(key).orElseThrow().nextDue());

        // The tick polls (its answer is #11 and #12, the newest two) and moves the next poll on.
        ScheduleState polled = w.stores.schedules().get(key).orElseThrow();
        w.stores.schedules().put(polled.withNextDue(nextPoll).withLastReconcile(World.NOW));
        w.clock.advance(Duration.ofMinutes(2));

        World.Response closed = w.post(digest, Payloads.changeRequest(ReceiverType.GITHUB, "t", "c-12", GITHUB_REPO,
                twelve.closed(COMMITTED.plusSeconds(60))));
        assertEquals(List.of("11"), ids(w), "the webhook alone cannot know #10 is open");
        assertEquals(1, closed.body().get("inputs").get("changed").asInt(), closed.toString());
        assertEquals(1, closed.body().get("pollRequested").asInt(), "a full set lost one: " + closed);
        assertEquals(Optional.of(World.NOW.plus(Duration.ofMinutes(2))),
                w.stores.schedules().get(key).orElseThrow().nextDue(), "the provider is due now: the forge's list wins");
        assertEquals(schedule.key(), key);
        w.bus.drain();
    }

    static List<String> ids(World w) {
        return w.inputs("prs").stream().map(StoredInput::id).toList();
    }
}
