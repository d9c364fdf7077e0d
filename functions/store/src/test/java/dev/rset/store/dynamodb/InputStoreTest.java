package dev.rset.store.dynamodb;

import dev.rset.store.ConflictException;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.TooLargeException;
import dev.rset.store.WriteOutcome;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.ItemsRead;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class InputStoreTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static DynamoDbClient db;
    static DynamoConfig config;
    static DynamoInputStore store;
    static ItemsRead read = new ItemsRead();
    /** The same table through a client that counts the items DynamoDB reads. */
    static DynamoInputStore counted;

    @BeforeAll
    static void table(MotoServer moto) {
        db = TestTables.dynamo(moto);
        config = TestTables.newTable(db, 4);
        store = new DynamoInputStore(db, config, Clock.fixed(NOW, ZoneOffset.UTC));
        counted = new DynamoInputStore(TestTables.dynamo(moto, read), config, Clock.fixed(NOW, ZoneOffset.UTC));
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
    void forgetLeavesNoItemOfTheProviderInTheTable() {
        ProviderId p = new ProviderId("apps", "prs-forget");
        for (int i = 1; i <= 30; i++) {
            store.put(p, Integer.toString(i), pr(i, "a"), at(1, "a"), 100);
        }
        store.remove(p, "1", at(2, "a"));
        store.forget(p);
        assertEquals(0, db.scan(b -> b.tableName(config.tableName())).items().stream()
                .filter(item -> item.get("PK").s().endsWith("#apps#prs-forget")).count(),
                "no input, tombstone or live set is left (30 items: more than one BatchWriteItem)");
    }

    @Test
    void aTombstoneCarriesTheTtlAttributeAndAReopenClearsIt() {
        ProviderId p = new ProviderId("apps", "prs-tomb");
        store.put(p, "5", pr(5, "a"), at(1, "opened"));
        assertEquals(WriteOutcome.WRITTEN, store.remove(p, "5", at(3, "closed")));
        Map<String, AttributeValue> raw = db.getItem(b -> b.tableName(config.tableName())
                .key(Attr.key(TableDesign.inputsPk(p), "5"))).item();
        assertEquals(NOW.plus(DynamoConfig.DEFAULT_TOMBSTONE_TTL).getEpochSecond(), Long.parseLong(raw.get("ttl").n()));
        assertEquals(Set.of("PK", "SK", "deleted", "ttl", "ordT", "ordS"), raw.keySet(), "nothing else");

        assertEquals(WriteOutcome.WRITTEN, store.put(p, "5", pr(5, "c"), at(4, "reopened")));
        raw = db.getItem(b -> b.tableName(config.tableName()).key(Attr.key(TableDesign.inputsPk(p), "5"))).item();
        assertNull(raw.get("ttl"));
    }
    @Test
    void listingAndAddingReadNoTombstonesHoweverManyClosedRequests() {
        ProviderId p = new ProviderId("apps", "prs-closed");
        for (int pr = 1; pr <= 150; pr++) {
            store.put(p, Integer.toString(pr), pr(pr, "a"), at(pr, "opened"));
            store.remove(p, Integer.toString(pr), at(pr + 1, "closed"));
        }
        store.put(p, "200", pr(200, "b"), at(300, "opened"));
        read.take();

        assertEquals(List.of("200"), counted.list(p).stream().map(StoredInput::id).toList());
        assertEquals(2, read.take(), "list reads the live set and the one live input, not 150 tombstones");
        assertEquals(WriteOutcome.WRITTEN, counted.put(p, "201", pr(201, "c"), at(301, "opened"), 2));
        assertEquals(0, read.take(), "the limit check is a condition on the live set: nothing is read");
        assertEquals(WriteOutcome.FULL, counted.put(p, "202", pr(202, "d"), at(302, "opened"), 2));
        // the tombstones are still there, guarding their ids
        assertEquals(WriteOutcome.STALE, store.put(p, "7", pr(7, "late"), at(7, "opened")));
        assertEquals(List.of("200", "201"), store.list(p).stream().map(StoredInput::id).toList());
    }

    /**
     * Sixteen writers' creates and removes of the same ids, interleaved step by step on one thread:
     * deterministic, because moto_server does not serialise concurrent conditional writes.
     */
    @Test
    void interleavedCreatesAndRemovesOfTheSameIdsKeepEveryLiveInputInTheLiveSet() {
        ProviderId p = new ProviderId("apps", "prs-storm");
        for (int step = 0; step < 12; step++) {
            for (int n = 0; n < 16; n++) {
                String id = Integer.toString((n + step) % 6);
                Ordering o = at(step, "w" + n);
                if ((n + step) % 3 == 0) {
                    store.remove(p, id, o);
                } else {
                    store.put(p, id, pr(n, "s" + step), o, 4);
                }
            }
        }
        List<String> live = store.list(p).stream().map(StoredInput::id).toList();
        Map<String, String> slots = new LiveSet(db, config, Clock.fixed(NOW, ZoneOffset.UTC)).read(p).orElseThrow();
        assertTrue(slots.keySet().containsAll(live), "live " + live + " without a slot in " + slots.keySet());
        assertTrue(live.size() <= 4, live.toString());
        assertTrue(slots.size() <= 4, slots.toString());
    }
    @Test
    void aPlaceAbandonedByAWriterThatDiedIsFreedOnceItIsOlderThanAnyRequest() {
        ProviderId p = new ProviderId("apps", "prs-abandoned");
        store.put(p, "1", pr(1, "a"), at(1, "o1"), 2);
        // a writer reserved a place for "ghost" and died before writing the input
        Clock earlier = Clock.fixed(NOW.minus(LiveSet.ABANDONED).minusSeconds(1), ZoneOffset.UTC);
        assertInstanceOf(LiveSet.Reserved.class, new LiveSet(db, config, earlier).reserve(p, "ghost", 2));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "2", pr(2, "a"), at(1, "o2"), 2));
        assertEquals(List.of("1", "2"), store.list(p).stream().map(StoredInput::id).toList());

        // one that is still writing keeps its place
        ProviderId q = new ProviderId("apps", "prs-writing");
        store.put(q, "1", pr(1, "a"), at(1, "o1"), 2);
        assertInstanceOf(LiveSet.Reserved.class, new LiveSet(db, config, Clock.fixed(NOW, ZoneOffset.UTC))
                .reserve(q, "writing", 2));
        assertEquals(WriteOutcome.FULL, store.put(q, "2", pr(2, "a"), at(1, "o2"), 2));
        // and nobody else writes that input while it does
        assertThrows(ConflictException.class, () -> store.put(q, "writing", pr(3, "a"), at(1, "o3"), 2));
        Clock later = Clock.fixed(NOW.plus(LiveSet.ABANDONED).plusSeconds(1), ZoneOffset.UTC);
        assertEquals(WriteOutcome.WRITTEN, new DynamoInputStore(db, config, later)
                .put(q, "writing", pr(3, "a"), at(1, "o3"), 2), "once abandoned, a writer of that id takes it over");
    }

    @Test
    void inputsWrittenBeforeLiveSetsAreListedAndCountedFromTheirPartition() {
        ProviderId p = new ProviderId("apps", "prs-before");
        // the item layout before live sets: no live-set item, no slot on the inputs
        for (String id : List.of("1", "2", "3")) {
            db.putItem(b -> b.tableName(config.tableName()).item(Map.of("PK", AttributeValue.fromS(
                    TableDesign.inputsPk(p)), "SK", AttributeValue.fromS(id), "value", AttributeValue.fromS(
                    "{\"id\":\"" + id + "\"}"), "ordT", AttributeValue.fromN("1"), "ordS", AttributeValue.fromS("x"))));
        }
        db.putItem(b -> b.tableName(config.tableName()).item(Map.of("PK", AttributeValue.fromS(TableDesign.inputsPk(p)),
                "SK", AttributeValue.fromS("4"), "deleted", AttributeValue.fromBool(true), "ordT",
                AttributeValue.fromN("1"), "ordS", AttributeValue.fromS("x"))));
        assertEquals(List.of("1", "2", "3"), store.list(p).stream().map(StoredInput::id).toList());
        assertEquals(WriteOutcome.FULL, store.put(p, "5", pr(5, "a"), at(1, "o5"), 3), "the three count");
        assertEquals(WriteOutcome.WRITTEN, store.remove(p, "1", at(1, "closed")));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "5", pr(5, "a"), at(1, "o5"), 3),
                "the slot of a removed input that had no token is free at once");
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "1", pr(1, "b"), at(2, "reopened")), "and reusable");
        store.remove(p, "1", at(3, "closed"));
        read.take();
        assertEquals(List.of("2", "3", "5"), counted.list(p).stream().map(StoredInput::id).toList());
        assertEquals(4, read.take(), "the live set and the three live inputs");
    }

    @Test
    void anEvictionsTombstoneCarriesTheTtlAttributeAndFreesTheSlot() {
        ProviderId p = new ProviderId("apps", "prs-evict");
        store.put(p, "3", pr(3, "a"), at(5, "a"), 2);
        assertEquals(WriteOutcome.WRITTEN, store.evict(store.list(p).get(0)));
        Map<String, AttributeValue> raw = db.getItem(b -> b.tableName(config.tableName())
                .key(Attr.key(TableDesign.inputsPk(p), "3"))).item();
        assertEquals(NOW.plus(DynamoConfig.DEFAULT_TOMBSTONE_TTL).getEpochSecond(), Long.parseLong(raw.get("ttl").n()));
        assertEquals(Map.of(), new LiveSet(db, config, Clock.fixed(NOW, ZoneOffset.UTC)).read(p).orElseThrow());
    }

    @Test
    void anInputTooLargeForOneItemIsRefusedBeforeAnyWrite() {
        // issue #11: a pull request titled with 400 KB got 503 on every retry (DynamoDB's item limit)
        ProviderId p = new ProviderId("apps", "prs-huge");
        Map<String, Object> huge = pr(3, "a");
        huge.put("title", "t".repeat(400 * 1024));
        TooLargeException e = assertThrows(TooLargeException.class, () -> store.put(p, "3", huge, at(1, "d")));
        assertEquals("input 3 of provider apps/prs-huge is 409661 bytes as JSON, the limit is 358400", e.getMessage());
        assertTrue(store.get(p, "3").isEmpty());
        huge.put("title", "t".repeat(300 * 1024));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "3", huge, at(1, "d")));
    }
}
