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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A scheduler tick at scale: N registered providers (default 100,000) with a due time, D
 * (default 100) due; times the tick's due query, then its claims (one conditional write per
 * object), then the handling (the definition read and the final write with its due-wheel hint).
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
        int every = providers / due;
        List<ScheduleState> states = new ArrayList<>();
        for (int i = 0; i < providers; i++) {
            ObjectKey key = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "tenant-" + (i % 500), "p" + i);
            Instant next = i % every == 0 && i / every < due ? now.minusSeconds(1 + i % 600)
                    : now.plusSeconds(60 + (i * 7919L) % 86_400);
            states.add(ScheduleState.initial(key).withNextDue(next));
        }
        stores.schedules().seed(states, 6);
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
        Tick.ClaimPhase claimed = tick.claim(found, now);
        long t2 = System.nanoTime();
        TickReport report = tick.handle(claimed, now, () -> 60_000);
        long t3 = System.nanoTime();
        long queryMs = (t1 - t0) / 1_000_000;
        long claimsMs = (t2 - t1) / 1_000_000;
        long finishMs = (t3 - t2) / 1_000_000;
        System.out.printf("providers registered : %d (loaded in %ds)%n", providers, load.toSeconds());
        System.out.printf("due                  : %d found, %d expected%n", found.size(), due);
        System.out.printf("claimed              : %d (not claimed %d, failed %d)%n", claimed.claimed().size(),
                claimed.notClaimed(), claimed.failed());
        System.out.printf("due query            : %d ms%n", queryMs);
        System.out.printf("claims               : %d ms (one conditional write each, %d at a time)%n", claimsMs,
                Tick.Limits.DEFAULT.parallelism());
        System.out.printf("due query + claims   : %d ms against the emulator (bound: 2000 ms)%n", queryMs + claimsMs);
        System.out.printf("handling + finishes  : %d ms for %d objects (definition read, next due time and hint)%n",
                finishMs, report.handled().size());
        for (int limit : new int[] {Math.max(100, due), 10_000}) {
            long q = System.nanoTime();
            var cost = stores.schedules().dueWithCost(now.plus(Duration.ofMinutes(1)), limit);
            System.out.printf("due query, limit %5d: %d requests, %d wheel items, %d hints read, %d due, %d ms%n",
                    limit, cost.requests(), cost.wheelItemsRead(), cost.hintsRead(), cost.items().size(),
                    (System.nanoTime() - q) / 1_000_000);
        }
        TickReport again = tick.run(now, () -> 60_000);
        System.out.printf("second tick          : %d due (claimed objects are not due again)%n", again.due());
        if (found.size() != due || claimed.claimed().size() != due || report.handled().size() != due
                || again.due() != 0) {
            System.out.println("FAIL: the tick did not claim exactly the due objects once");
            System.exit(1);
        }
    }
}
