package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.store.StoredInput;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.testing.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deliveries sent from many threads at once: 200 for 50 pull requests of one provider, shuffled,
 * end with each request in the state of its newest delivery; new requests racing past the
 * provider's limit end with exactly the newest {@code limit} of them.
 */
@ExtendWith(MotoServer.class)
class ConcurrentDeliveriesTest {
    private static final String TOKEN = "concurrency-token";
    private static final String REPO = "https://github.com/acme/app";
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static String sha(int pr, int step) {
        return String.format("%08x%032x", pr, step);
    }

    @Test
    void everyRequestEndsWithItsNewestState(MotoServer moto) throws Exception {
        World world = World.create(moto);
        String digest = world.receiver("github", ReceiverType.GITHUB, TOKEN, List.of(),
                List.of(Objects.byName("prs")));
        world.provider("prs", "GitHubPullRequest", REPO, Map.of());
        world.resourceSet("previews", "prs");

        List<SignedRequest> deliveries = new ArrayList<>();
        Map<String, ChangeRequest> newest = new LinkedHashMap<>();
        for (int pr = 1; pr <= 50; pr++) {
            Instant t = T0.plusSeconds(pr * 100L);
            ChangeRequest opened = ChangeRequest.opened(pr, sha(pr, 0), t);
            List<ChangeRequest> history = List.of(opened,
                    opened.synchronize(sha(pr, 1), t.plusSeconds(10)),
                    opened.synchronize(sha(pr, 1), t.plusSeconds(20)).labeled(List.of("preview", "big"),
                            t.plusSeconds(20)),
                    opened.synchronize(sha(pr, 3), t.plusSeconds(30)).labeled(List.of("preview", "big"),
                            t.plusSeconds(30)).withAction("synchronize"));
            for (int step = 0; step < history.size(); step++) {
                deliveries.add(Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, "d-" + pr + "-" + step, REPO,
                        history.get(step)));
            }
            newest.put(Integer.toString(pr), history.get(history.size() - 1));
        }
        Collections.shuffle(deliveries, new Random(42));

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<World.Response>> results = new ArrayList<>();
        for (SignedRequest d : deliveries) {
            results.add(pool.submit(() -> {
                go.await();
                return world.post(digest, d);
            }));
        }
        go.countDown();
        for (Future<World.Response> f : results) {
            World.Response r = f.get(120, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.toString());
        }
        pool.shutdown();

        Map<String, Map<String, Object>> stored = new LinkedHashMap<>();
        for (StoredInput s : world.inputs("prs")) {
            stored.put(s.id(), s.values());
        }
        assertEquals(50, stored.size());
        newest.forEach((id, cr) -> {
            Map<String, Object> expected = Map.of("id", id, "sha", cr.sha(), "branch", cr.branch(), "author",
                    cr.author(), "title", cr.title(), "labels", cr.labels());
            assertEquals(expected, stored.get(id), "PR " + id);
        });
    }

    @Test
    void newRequestsRacingPastTheLimitEndWithTheNewestOnes(MotoServer moto) throws Exception {
        World world = World.create(moto);
        String digest = world.receiver("github", ReceiverType.GITHUB, TOKEN, List.of(),
                List.of(Objects.byName("prs")));
        world.provider("prs", "GitHubPullRequest", REPO, Map.of("filter", Map.of("limit", 3)));
        world.resourceSet("previews", "prs");
        List<SignedRequest> deliveries = new ArrayList<>();
        for (int pr = 1; pr <= 12; pr++) {
            deliveries.add(Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, "open-" + pr, REPO,
                    ChangeRequest.opened(pr, sha(pr, 0), T0.plusSeconds(pr))));
        }
        Collections.shuffle(deliveries, new Random(7));

        ExecutorService pool = Executors.newFixedThreadPool(deliveries.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<World.Response>> results = new ArrayList<>();
        for (SignedRequest d : deliveries) {
            results.add(pool.submit(() -> {
                go.await();
                return world.post(digest, d);
            }));
        }
        go.countDown();
        for (Future<World.Response> f : results) {
            World.Response r = f.get(120, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.toString());
        }
        pool.shutdown();

        assertEquals(List.of("10", "11", "12"), world.inputs("prs").stream().map(StoredInput::id).toList());
    }
}
