package dev.rset.bench;

import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoScheduleStore;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.dynamodb.TableSchema;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The due-work query at scale: registers N providers (default 100,000) through the schedule
 * adapter's bulk seed, of which D (default 100) are due, then runs the due query and reports what
 * it read: requests, due-wheel items and hints. It starts its own moto_server on a loopback port,
 * or uses {@code RSET_DYNAMODB_ENDPOINT} when set.
 */
public final class DueQueryBench {
    private DueQueryBench() {
    }

    public static void main(String[] args) throws Exception {
        int providers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int due = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int shards = args.length > 2 ? Integer.parseInt(args[2]) : DynamoConfig.DEFAULT_DUE_SHARDS;
        String external = System.getenv("RSET_DYNAMODB_ENDPOINT");
        Process moto = null;
        URI endpoint;
        if (external != null) {
            endpoint = URI.create(external);
        } else {
            int port = freePort();
            File log = File.createTempFile("bench-moto", ".log");
            moto = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log).start();
            waitForPort(port, moto);
            endpoint = URI.create("http://127.0.0.1:" + port);
        }
        try {
            run(endpoint, providers, due, shards);
        } finally {
            if (moto != null) {
                moto.destroy();
                moto.waitFor();
            }
        }
    }

    static void run(URI endpoint, int providers, int due, int shards) throws Exception {
        DynamoDbClient db = DynamoStores.client("us-east-1", Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
        String table = "rset-bench-" + System.currentTimeMillis();
        TableSchema.create(db, table);
        DynamoScheduleStore schedules = new DynamoScheduleStore(db, new DynamoConfig(table, shards,
                DynamoConfig.DEFAULT_TOMBSTONE_TTL));
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        long loadStart = System.nanoTime();
        List<ScheduleState> states = new ArrayList<>();
        for (int i = 0; i < providers; i++) {
            ObjectKey key = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "tenant-" + (i % 500), "p" + i);
            // every providers/due-th one is due (spread over namespaces and shards); the rest are due
            // between 1 minute and 1 day from now
            Instant next = i % (providers / due) == 0 && i / (providers / due) < due
                    ? now.minusSeconds(1 + i % 600) : now.plusSeconds(60 + (i * 7919L) % 86_400);
            states.add(ScheduleState.initial(key).withNextDue(next));
        }
        schedules.seed(states, 6);
        Duration load = Duration.ofNanos(System.nanoTime() - loadStart);

        DynamoScheduleStore.DueQueryResult r = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            r = schedules.dueWithCost(now, 10_000);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf("providers registered : %d (loaded in %ds)%n", providers, load.toSeconds());
        System.out.printf("due providers        : %d found, %d expected%n", r.items().size(), due);
        System.out.printf("wheel shards         : %d items per minute%n", shards);
        System.out.printf("requests             : %d (hour index, wheel batch reads, schedule item checks)%n",
                r.requests());
        System.out.printf("wheel items read     : %d (the minutes of the hours holding due work, up to now)%n",
                r.wheelItemsRead());
        System.out.printf("hints read           : %d (limit 2 x %d = %d)%n", r.hintsRead(), due, 2 * due);
        System.out.printf("query latency (best) : %d ms against the emulator%n", best / 1_000_000);
        if (r.items().size() != due || r.hintsRead() > 2 * due) {
            System.out.println("FAIL: the due query read more than 2 x due hints or missed some");
            System.exit(1);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void waitForPort(int port, Process p) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!p.isAlive()) {
                throw new IllegalStateException("moto_server exited");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("moto_server did not start");
    }
}
