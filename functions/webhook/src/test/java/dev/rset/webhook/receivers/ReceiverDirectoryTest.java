package dev.rset.webhook.receivers;

import dev.rset.store.secrets.ReceiverTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.api.Receiver;
import dev.rset.forge.hook.Receivers;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.SecretNames;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoDefinitionStore;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.SettableClock;
import dev.rset.store.testing.TestTables;
import dev.rset.webhook.testing.Calls;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Issue #11, item 4: receivers fail alone. Against moto's DynamoDB and Secrets Manager: a secret
 * that cannot be read (its KMS key refuses) costs only its own receiver, which keeps its last good
 * entry; unknown paths cannot make every request rebuild the index; one rebuild runs at a time.
 */
@ExtendWith(MotoServer.class)
class ReceiverDirectoryTest {
    private static final String NS = "apps";
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Duration MISS = Duration.ofSeconds(5);
    /** Past the TTL and any jitter (at most a fifth of it). */
    private static final Duration EXPIRED = TTL.plus(TTL.dividedBy(5)).plusSeconds(1);

    private final Calls calls = new Calls();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final String prefix = "rset-" + UUID.randomUUID();
    private DynamoDbClient db;
    private DynamoConfig config;
    private DynamoDefinitionStore definitions;
    private SecretsManagerClient sm;
    private ReceiverDirectory directory;

    @BeforeEach
    void setUp(MotoServer moto) {
        db = TestTables.dynamo(moto, calls);
        config = TestTables.newTable(db, 1);
        definitions = new DynamoStores(db, config, clock).definitions();
        sm = SecretsManagerClient.builder().region(Region.of(TestTables.REGION))
                .credentialsProvider(TestTables.CREDENTIALS).endpointOverride(moto.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build();
        directory = new ReceiverDirectory(definitions,
                new ReceiverTokens(new SecretsManagerSecretStore(sm), new SecretNames(prefix)),
                clock, TTL, MISS, new SplittableRandom(11));
    }

    private String secretName(String receiver) {
        return new SecretNames(prefix).receiverToken(NS, receiver + "-token").name();
    }

    private static Map<String, Object> manifest(String name) {
        return Map.of("apiVersion", Receiver.API_VERSION, "kind", Receiver.KIND,
                "metadata", Map.of("name", name, "namespace", NS),
                "spec", Map.of("type", "github", "secretRef", Map.of("name", name + "-token"),
                        "resources", List.of(Map.of("kind", "ResourceSetInputProvider", "name", "prs"))));
    }

    /** Stores the receiver's token, and the receiver unless {@code later}; returns its path digest. */
    private String receiver(String name, boolean later) {
        String token = name + "-" + UUID.randomUUID();
        sm.createSecret(b -> b.name(secretName(name)).secretString(token));
        if (!later) {
            definitions.put(new ObjectKey(Kind.RECEIVER, NS, name), manifest(name), Map.of(), 0);
        }
        return Receivers.digest(token, Receiver.from(manifest(name)));
    }

    private String receiver(String name) {
        return receiver(name, false);
    }

    /**
     * GetSecretValue of the receiver's secret then fails as AWS fails it when the secret's KMS key
     * may not be used (a missing secret reads as "no token", which is not a failure).
     */
    private void unreadable(String receiver) {
        unreadable.add(secretName(receiver));
        calls.fail(r -> r instanceof GetSecretValueRequest g && unreadable.contains(g.secretId()),
                () -> (RuntimeException) DecryptionFailureException.builder()
                        .message("Secrets Manager can't decrypt the protected secret text using the provided KMS key.")
                        .statusCode(400).build());
    }

    private final java.util.Set<String> unreadable = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private String found(String digest) {
        return directory.find(digest).map(ResolvedReceiver::key).orElse("none");
    }

    @Test
    void anUnreadableSecretFailsOnlyItsReceiverWhichKeepsItsLastGoodEntry() {
        String a = receiver("a");
        String b = receiver("b");
        String never = receiver("never");
        unreadable("never");
        // before: the one unreadable secret made every receiver answer 503
        assertEquals("apps/a", found(a));
        assertEquals("apps/b", found(b));
        assertEquals("none", found(never));

        unreadable("b");
        clock.advance(EXPIRED);
        calls.reset();
        assertEquals("apps/a", found(a));
        assertEquals(1, calls.of("Query"), "the index was rebuilt");
        assertEquals("apps/b", found(b), "served from its last good entry");
        assertEquals("none", found(never));
    }

    @Test
    void receiversThatCannotBeListedLeaveTheLastIndexServing() {
        String a = receiver("a");
        assertEquals("apps/a", found(a));
        db.deleteTable(t -> t.tableName(config.tableName()));
        clock.advance(EXPIRED);
        calls.reset();
        assertEquals("apps/a", found(a));
        assertEquals(1, calls.of("Query"));
        // the failed listing counts as a rebuild: the next request does not try again at once
        assertEquals("none", found("0".repeat(64)));
        assertEquals(1, calls.of("Query"));
    }

    @Test
    void theFirstBuildFailingIsAnErrorNotAnEmptyDirectory() {
        db.deleteTable(t -> t.tableName(config.tableName()));
        assertThrows(RuntimeException.class, () -> directory.find("0".repeat(64)));
    }

    @Test
    void unknownPathsAreRememberedAndRebuildAtMostOncePerInterval() {
        String a = receiver("a");
        assertEquals("apps/a", found(a));
        calls.reset();
        String stale = "1".repeat(64);
        assertEquals("none", found(stale));
        assertEquals(0, calls.of("Query"), "within the miss interval of the build");

        assertEquals("none", found(stale));
        assertEquals(0, calls.of("Query"), "a path that missed is remembered as unknown");
        clock.advance(MISS);
        assertEquals("none", found("2".repeat(64)));
        assertEquals(1, calls.of("Query"), "a new unknown path may rebuild, once per interval");
        assertEquals(1, calls.of("GetSecretValue"));
        assertEquals("none", found("3".repeat(64)));
        assertEquals("none", found(stale));
        assertEquals(1, calls.of("Query"), "no more rebuilds within the interval, for new or remembered paths");

        // a receiver created after its path missed is found once a miss may rebuild again
        String late = receiver("late", true);
        assertEquals("none", found(late));
        definitions.put(new ObjectKey(Kind.RECEIVER, NS, "late"), manifest("late"), Map.of(), 0);
        clock.advance(MISS);
        assertEquals("apps/late", found(late));
    }

    @Test
    void oneRebuildAtATimeTheOthersServeTheCurrentIndex() throws Exception {
        String a = receiver("a");
        String b = receiver("b");
        assertEquals("apps/a", found(a));
        clock.advance(EXPIRED);
        calls.reset();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        calls.holdNext("GetSecretValue", () -> {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<String> rebuilding = CompletableFuture.supplyAsync(() -> found(a));
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        assertEquals("apps/b", found(b), "served from the current index while the rebuild runs");
        assertEquals(1, calls.of("Query"), "no second rebuild");
        release.countDown();
        assertEquals("apps/a", rebuilding.get(30, TimeUnit.SECONDS));
        assertEquals(1, calls.of("Query"));
    }
}
