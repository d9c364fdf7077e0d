package dev.rset.bench;

import dev.rset.events.EventPublisher;
import dev.rset.events.InputsChanged;
import dev.rset.events.ReconcileRequested;
import dev.rset.scheduler.Tick;
import dev.rset.scheduler.TickReport;
import dev.rset.scheduler.Wiring;
import dev.rset.store.DueItem;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.dynamodb.TableSchema;
import java.io.File;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A scheduler tick at scale: N registered providers (default 100,000) in the due index, D
 * (default 100) due; times the tick's due query and then its claims (per object: a consistent
 * read of the schedule item, the conditional claim, the definition read and the final write).
 * The due objects have no definitions, so nothing is polled: what is timed is the tick's own
 * bookkeeping, which the issue bounds at 2 s. Starts its own moto_server (or uses
 * {@code RSET_DYNAMODB_ENDPOINT}).
 */
public final class SchedulerTickBench {
    private SchedulerTickBench() {
    }

    public static void main(String[] args) throws Exception {
        int providers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int due = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String external = System.getenv("RSET_DYNAMODB_ENDPOINT");
        Process moto = null;
        URI endpoint;
        if (external != null) {
            endpoint = URI.create(external);
        } else {
            int port = DueQueryBench.freePort();
            File log = File.createTempFile("bench-moto", ".log");
            moto = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log).start();
            DueQueryBench.waitForPort(port, moto);
            endpoint = URI.create("http://127.0.0.1:" + port);
        }
        try {
            run(endpoint, providers, due);
        } finally {
            if (moto != null) {
                moto.destroy();
                moto.waitFor();
            }
        }
    }

    static void run(URI endpoint, int providers, int due) throws Exception {
        DynamoDbClient db = DynamoStores.client("us-east-1", Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
        String table = "rset-bench-" + System.currentTimeMillis();
        TableSchema.create(db, table);
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        DynamoStores stores = new DynamoStores(db, new DynamoConfig(table, DynamoConfig.DEFAULT_DUE_SHARDS,
                DynamoConfig.DEFAULT_TOMBSTONE_TTL), Clock.fixed(now, ZoneOffset.UTC));

        long loadStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        int step = providers / 4 + 1;
        int every = providers / due;
        for (int from = 0; from < providers; from += step) {
            int start = from;
            int end = Math.min(providers, from + step);
            futures.add(pool.submit(() -> {
                for (int i = start; i < end; i++) {
                    ObjectKey key = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "tenant-" + (i % 500), "p" + i);
                    Instant next = i % every == 0 && i / every < due ? now.minusSeconds(1 + i % 600)
                            : now.plusSeconds(60 + (i * 7919L) % 86_400);
                    stores.schedules().put(ScheduleState.initial(key).withNextDue(next));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        Duration load = Duration.ofNanos(System.nanoTime() - loadStart);

        EventPublisher silent = new EventPublisher() {
            @Override
            public void inputsChanged(List<InputsChanged> events) {
                throw new IllegalStateException("nothing is polled in this benchmark");
            }

            @Override
            public void reconcileRequested(List<ReconcileRequested> events) {
                throw new IllegalStateException("no ResourceSet is due in this benchmark");
            }
        };
        Tick tick = Wiring.tick(stores, silent, (p, t) -> {
            throw new IllegalStateException("nothing is polled in this benchmark");
        }, new Tick.Limits(Math.max(100, due), Tick.Limits.DEFAULT.parallelism(), Duration.ofMinutes(5),
                Duration.ofSeconds(10)));

        // Warm-up: ten objects due a day ago, handled by a tick twelve hours ago (before any of the
        // measured ones was due), so that the measured tick runs on warm code and connections.
        for (int i = 0; i < 10; i++) {
            stores.schedules().put(ScheduleState.initial(new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "warm-up",
                    "w" + i)).withNextDue(now.minus(Duration.ofDays(1))));
        }
        Instant earlier = now.minus(Duration.ofHours(12));
        tick.run(earlier, () -> 60_000);
        for (int i = 0; i < 3; i++) {
            tick.due(earlier);
        }

        long t0 = System.nanoTime();
        List<DueItem> found = tick.due(now);
        long t1 = System.nanoTime();
        TickReport report = tick.handle(found, now, () -> 60_000);
        long t2 = System.nanoTime();
        long queryMs = (t1 - t0) / 1_000_000;
        long claimsMs = (t2 - t1) / 1_000_000;
        System.out.printf("providers registered : %d (loaded in %ds)%n", providers, load.toSeconds());
        System.out.printf("due                  : %d found, %d expected%n", found.size(), due);
        System.out.printf("claimed and finished : %d (not claimed %d, failed %d)%n", report.handled().size(),
                report.notClaimed(), report.failed());
        System.out.printf("due query            : %d ms%n", queryMs);
        System.out.printf("claims and finishes  : %d ms (%.1f ms per object, 4 requests each)%n", claimsMs,
                claimsMs / (double) Math.max(1, found.size()));
        System.out.printf("tick bookkeeping     : %d ms against the emulator (bound: 2000 ms)%n", queryMs + claimsMs);
        for (int limit : new int[] {Math.max(100, due), 10_000}) {
            long q = System.nanoTime();
            var cost = stores.schedules().dueWithCost(now.plus(Duration.ofMinutes(1)), limit);
            System.out.printf("due query, limit %5d: %d requests, %d entries read, %d ms%n", limit, cost.requests(),
                    cost.itemsRead(), (System.nanoTime() - q) / 1_000_000);
        }
        TickReport again = tick.run(now, () -> 60_000);
        System.out.printf("second tick          : %d due (claimed objects are not due again)%n", again.due());
        if (found.size() != due || report.handled().size() != due || again.due() != 0) {
            System.out.println("FAIL: the tick did not claim exactly the due objects once");
            System.exit(1);
        }
    }
}
