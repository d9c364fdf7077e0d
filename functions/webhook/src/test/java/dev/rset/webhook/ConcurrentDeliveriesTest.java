package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.events.EventBridgePublisher;
import dev.rset.events.EventSources;
import dev.rset.events.testing.Bus;
import dev.rset.store.ProviderId;
import dev.rset.store.SecretNames;
import dev.rset.store.StoredInput;
import dev.rset.store.secrets.FileSecretStore;
import dev.rset.store.sqlite.SqliteStores;
import dev.rset.webhook.inputs.InputWriter;
import dev.rset.webhook.receivers.ReceiverDirectory;
import dev.rset.store.secrets.ReceiverTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
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
 * provider's limit end with exactly the newest {@code limit} of them. These outcomes rest on the
 * one-winner rule of conditional writes, which moto_server does not keep (racing conditional
 * writes both win now and then), so the function runs here on the SQLite adapter of the same
 * ports, which serialises its writes; the bus is EventBridge on moto_server.
 */
@ExtendWith(MotoServer.class)
class ConcurrentDeliveriesTest {
    private static final String TOKEN = "concurrency-token";
    private static final String REPO = "https://github.com/acme/app";
    private static final String PREFIX = "rset";
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dir;
    private SqliteStores sqlite;

    /** The world's handler on a service over SQLite stores and file secrets; its receiver's digest. */
    private String onSqlite(World world, MotoServer moto, Map<String, Object> providerSpec) {
        sqlite = SqliteStores.open(dir, world.clock);
        FileSecretStore secrets = new FileSecretStore(dir.resolve("secrets.json"), Map.of());
        String digest = World.receiver(sqlite.definitions(), secrets, PREFIX, "github", ReceiverType.GITHUB, TOKEN,
                List.of(), List.of(Objects.byName("prs")));
        World.provider(sqlite.definitions(), "prs", "GitHubPullRequest", REPO, providerSpec, Map.of());
        World.resourceSet(sqlite.definitions(), "previews", "prs");
        ReceiverDirectory receivers = new ReceiverDirectory(sqlite.definitions(),
                new ReceiverTokens(secrets, new SecretNames(PREFIX)),
                world.clock, Duration.ofSeconds(60), Duration.ofSeconds(5), new SplittableRandom(3));
        world.useService(new WebhookService(receivers, sqlite.definitions(), world.clock, Duration.ofSeconds(10),
                new InputWriter(sqlite.inputs()), new EventBridgePublisher(Bus.client(moto),
                        world.bus.name(), EventSources.WEBHOOK, 4, Duration.ofMillis(50)),
                sqlite.schedules(), SqliteStores.DEFAULT_TOMBSTONE_TTL));
        return digest;
    }

    private List<StoredInput> inputs() {
        return sqlite.inputs().list(new ProviderId(World.NS, "prs"));
    }

    @AfterEach
    void close() {
        if (sqlite != null) {
            sqlite.close();
        }
    }

    private static String sha(int pr, int step) {
        return String.format("%08x%032x", pr, step);
    }

    @Test
    void everyRequestEndsWithItsNewestState(MotoServer moto) throws Exception {
        World world = World.create(moto);
        String digest = onSqlite(world, moto, Map.of());

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
        for (StoredInput s : inputs()) {
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
        String digest = onSqlite(world, moto, Map.of("filter", Map.of("limit", 3)));
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

        assertEquals(List.of("10", "11", "12"), inputs().stream().map(StoredInput::id).toList());
    }
}
