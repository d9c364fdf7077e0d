package dev.rset.store.dynamodb;

import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.WriteOutcome;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class InputStoreTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static DynamoDbClient db;
    static DynamoConfig config;
    static DynamoInputStore store;

    @BeforeAll
    static void table(MotoServer moto) {
        db = TestTables.dynamo(moto);
        config = TestTables.newTable(db, 4);
        store = new DynamoInputStore(db, config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Ordering at(int seconds, String seq) {
        return new Ordering(NOW.plusSeconds(seconds), seq);
    }

    static Map<String, Object> pr(int id, String sha) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Integer.toString(id));
        m.put("sha", sha);
        m.put("labels", List.of("preview"));
        m.put("size", 3L); // stored numbers come back as the engine's int64
        return m;
    }

    @Test
    void putGetListInIdOrder() {
        ProviderId p = new ProviderId("apps", "prs-list");
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "2", pr(2, "b"), at(1, "b")));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "1", pr(1, "a"), at(1, "a")));
        List<StoredInput> all = store.list(p);
        assertEquals(List.of("1", "2"), all.stream().map(StoredInput::id).toList());
        assertEquals(pr(1, "a"), all.get(0).values());
        assertEquals(at(1, "a"), all.get(0).ordering());
        assertEquals(pr(2, "b"), store.get(p, "2").orElseThrow().values());
        assertTrue(store.get(p, "3").isEmpty());
        assertTrue(store.list(new ProviderId("apps", "other")).isEmpty());
    }

    @Test
    void olderOrEqualOrderingIsStaleAndDoesNotOverwrite() {
        ProviderId p = new ProviderId("apps", "prs-order");
        store.put(p, "7", pr(7, "new"), at(10, "s2"));
        assertEquals(WriteOutcome.STALE, store.put(p, "7", pr(7, "old"), at(5, "s9")));
        assertEquals(WriteOutcome.STALE, store.put(p, "7", pr(7, "same"), at(10, "s2")));
        assertEquals(WriteOutcome.STALE, store.put(p, "7", pr(7, "tie"), at(10, "s1")));
        assertEquals("new", store.get(p, "7").orElseThrow().values().get("sha"));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "7", pr(7, "tie-later"), at(10, "s3")));
        assertEquals("tie-later", store.get(p, "7").orElseThrow().values().get("sha"));
    }

    @Test
    void sameValueWithNewerOrderingIsUnchangedButAdvancesTheOrdering() {
        ProviderId p = new ProviderId("apps", "prs-unchanged");
        store.put(p, "1", pr(1, "a"), at(1, "x"));
        assertEquals(WriteOutcome.UNCHANGED, store.put(p, "1", pr(1, "a"), at(3, "x")));
        // the ordering moved to 3: a delivery from time 2 is now stale
        assertEquals(WriteOutcome.STALE, store.put(p, "1", pr(1, "b"), at(2, "x")));
        assertEquals(at(3, "x"), store.get(p, "1").orElseThrow().ordering());
    }

    @Test
    void removeLeavesATombstoneWithTtlThatBlocksALateOpen() {
        ProviderId p = new ProviderId("apps", "prs-tomb");
        store.put(p, "5", pr(5, "a"), at(1, "opened"));
        assertEquals(WriteOutcome.WRITTEN, store.remove(p, "5", at(3, "closed")));
        assertTrue(store.get(p, "5").isEmpty());
        assertTrue(store.list(p).isEmpty());
        // a redelivered, older "opened" must not resurrect the input
        assertEquals(WriteOutcome.STALE, store.put(p, "5", pr(5, "a"), at(2, "opened")));
        assertTrue(store.get(p, "5").isEmpty());

        Map<String, AttributeValue> raw = db.getItem(b -> b.tableName(config.tableName())
                .key(Attr.key(TableDesign.inputsPk(p), "5"))).item();
        assertEquals(NOW.plus(DynamoConfig.DEFAULT_TOMBSTONE_TTL).getEpochSecond(), Long.parseLong(raw.get("ttl").n()));

        // a newer reopen brings it back and clears the expiry
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "5", pr(5, "c"), at(4, "reopened")));
        assertEquals("c", store.get(p, "5").orElseThrow().values().get("sha"));
        raw = db.getItem(b -> b.tableName(config.tableName()).key(Attr.key(TableDesign.inputsPk(p), "5"))).item();
        assertNull(raw.get("ttl"));
        assertEquals(WriteOutcome.UNCHANGED, store.remove(p, "404", at(1, "closed")));
        assertEquals(WriteOutcome.STALE, store.remove(p, "404", at(1, "closed")));
    }

    @Test
    void replaceAllPutsEveryInputAndRemovesTheMissingOnes() {
        ProviderId p = new ProviderId("apps", "branches");
        store.put(p, "1", pr(1, "a"), at(1, "poll1"));
        store.put(p, "2", pr(2, "b"), at(1, "poll1"));
        Map<String, Map<String, Object>> next = new LinkedHashMap<>();
        next.put("2", pr(2, "b"));
        next.put("3", pr(3, "c"));
        Map<String, WriteOutcome> out = store.replaceAll(p, next, at(2, "poll2"));
        assertEquals(Map.of("1", WriteOutcome.WRITTEN, "2", WriteOutcome.UNCHANGED, "3", WriteOutcome.WRITTEN), out);
        assertEquals(List.of("2", "3"), store.list(p).stream().map(StoredInput::id).toList());
        // an older full poll loses item by item
        Map<String, WriteOutcome> stale = store.replaceAll(p, Map.of("1", pr(1, "a")), at(1, "poll0"));
        assertEquals(WriteOutcome.STALE, stale.get("1"));
        assertEquals(List.of("2", "3"), store.list(p).stream().map(StoredInput::id).toList());
    }

    @Test
    void racingWritersConvergeOnTheNewestOrdering() throws Exception {
        ProviderId p = new ProviderId("apps", "race");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<WriteOutcome>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                go.await();
                return store.put(p, "9", pr(9, "sha" + n), at(n, "d" + n));
            }));
        }
        go.countDown();
        int written = 0;
        for (Future<WriteOutcome> f : results) {
            written += f.get() == WriteOutcome.WRITTEN ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(written >= 1);
        assertEquals("sha" + (writers - 1), store.get(p, "9").orElseThrow().values().get("sha"));
    }

    @Test
    void deliveryIdsAreSeenOnceUntilTheyExpire() {
        DynamoDeliveryLog log = new DynamoDeliveryLog(db, config, Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(log.firstSeen("abc", "d-1", Duration.ofHours(1)));
        assertFalse(log.firstSeen("abc", "d-1", Duration.ofHours(1)));
        assertTrue(log.firstSeen("other", "d-1", Duration.ofHours(1)));
        Map<String, AttributeValue> raw = db.getItem(b -> b.tableName(config.tableName())
                .key(Attr.key(TableDesign.deliveryPk("abc"), "d-1"))).item();
        assertEquals(NOW.plus(Duration.ofHours(1)).getEpochSecond(), Long.parseLong(raw.get("ttl").n()));
        // TTL deletion is lazy: an expired record that is still stored counts as unseen
        DynamoDeliveryLog later = new DynamoDeliveryLog(db, config,
                Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertTrue(later.firstSeen("abc", "d-1", Duration.ofHours(1)));
        assertFalse(later.firstSeen("abc", "d-1", Duration.ofHours(1)));
    }
}
