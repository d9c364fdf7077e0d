package dev.rset.store.contract;

import dev.rset.store.InputStore;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.Removal;
import dev.rset.store.StoredInput;
import dev.rset.store.WriteOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link InputStore} does: the ordering guard, tombstones, live listing, the limit, eviction. */
public abstract class InputStoreContract extends StoreContract {
    protected InputStore store;

    @BeforeEach
    void port() {
        store = fixture.inputs(at(NOW));
    }

    protected static Ordering at(int seconds, String seq) {
        return new Ordering(NOW.plusSeconds(seconds), seq);
    }

    protected static Map<String, Object> pr(int id, String sha) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Integer.toString(id));
        m.put("sha", sha);
        m.put("labels", List.of("preview"));
        m.put("size", 3L); // stored numbers come back as the engine's int64
        return m;
    }

    protected static List<String> ids(List<StoredInput> inputs) {
        return inputs.stream().map(StoredInput::id).toList();
    }

    @Test
    void putGetListInIdOrder() {
        ProviderId p = new ProviderId("apps", "prs");
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "2", pr(2, "b"), at(1, "b")));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "10", pr(10, "c"), at(1, "c")));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "1", pr(1, "a"), at(1, "a")));
        List<StoredInput> all = store.list(p);
        assertEquals(List.of("1", "10", "2"), ids(all), "string order");
        assertEquals(pr(1, "a"), all.get(0).values());
        assertEquals(at(1, "a"), all.get(0).ordering());
        assertEquals(p, all.get(0).provider());
        assertEquals(pr(2, "b"), store.get(p, "2").orElseThrow().values());
        assertTrue(store.get(p, "3").isEmpty());
        assertTrue(store.list(new ProviderId("apps", "other")).isEmpty());
        assertTrue(store.list(new ProviderId("other", "prs")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store.put(p, "", pr(0, "a"), at(1, "a")));
    }

    @Test
    void forgetRemovesLiveInputsAndTombstonesOfOneProviderOnly() {
        ProviderId p = new ProviderId("apps", "prs");
        ProviderId other = new ProviderId("apps", "prs-other");
        for (int i = 1; i <= 30; i++) {
            assertEquals(WriteOutcome.WRITTEN, store.put(p, Integer.toString(i), pr(i, "a"), at(1, "a"), 100));
        }
        assertEquals(WriteOutcome.WRITTEN, store.remove(p, "1", at(2, "a")));
        store.put(other, "7", pr(7, "x"), at(1, "a"), 100);

        store.forget(p);

        assertEquals(List.of(), store.list(p));
        assertEquals(List.of("7"), ids(store.list(other)));
        // The provider created again starts empty, and the old tombstone no longer holds its id back.
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "1", pr(1, "b"), at(1, "a"), 100));
        assertEquals(List.of("1"), ids(store.list(p)));
        for (int i = 2; i <= 3; i++) {
            assertEquals(WriteOutcome.WRITTEN, store.put(p, Integer.toString(i), pr(i, "b"), at(1, "a"), 3));
        }
        assertEquals(WriteOutcome.FULL, store.put(p, "4", pr(4, "b"), at(1, "a"), 3), "the limit counts anew");
        store.forget(new ProviderId("apps", "never-written"));
    }

    @Test
    void orderingsKeepTheirNanoseconds() {
        ProviderId p = new ProviderId("apps", "nanos");
        Ordering precise = new Ordering(NOW.plusNanos(123_456_789), "x");
        store.put(p, "1", pr(1, "a"), precise);
        assertEquals(precise, store.get(p, "1").orElseThrow().ordering());
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "1", pr(1, "b"), new Ordering(NOW.plusNanos(123_456_790), "a")));
    }

    @Test
    void olderOrEqualOrderingIsStaleAndDoesNotOverwrite() {
        ProviderId p = new ProviderId("apps", "prs");
        store.put(p, "7", pr(7, "new"), at(10, "s2"));
        assertEquals(WriteOutcome.STALE, store.put(p, "7", pr(7, "old"), at(5, "s9")));
        assertEquals(WriteOutcome.REPEATED, store.put(p, "7", pr(7, "same"), at(10, "s2")), "this very write again");
        assertEquals(WriteOutcome.STALE, store.put(p, "7", pr(7, "tie"), at(10, "s1")));
        assertEquals("new", store.get(p, "7").orElseThrow().values().get("sha"));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "7", pr(7, "tie-later"), at(10, "s3")));
        assertEquals("tie-later", store.get(p, "7").orElseThrow().values().get("sha"));
    }

    @Test
    void aWriteMadeBeforeIsToldFromANewerOne() {
        ProviderId p = new ProviderId("apps", "prs");
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "1", pr(1, "a"), at(1, "d1"), 5));
        assertEquals(WriteOutcome.REPEATED, store.put(p, "1", pr(1, "a"), at(1, "d1"), 5));
        assertEquals(WriteOutcome.REPEATED, store.putNew(p, "1", pr(1, "a"), at(1, "d1"), 5));
        assertEquals(WriteOutcome.STALE, store.put(p, "1", pr(1, "a"), at(0, "d0"), 5));
        assertEquals(new Removal(WriteOutcome.WRITTEN, false), store.remove(p, "1", at(2, "c1"), 5));
        assertEquals(new Removal(WriteOutcome.REPEATED, false), store.remove(p, "1", at(2, "c1"), 5));
        assertEquals(WriteOutcome.REPEATED, store.putNew(p, "1", pr(1, "a"), at(2, "c1"), 5), "its tombstone's own");
        assertEquals(WriteOutcome.STALE, store.putNew(p, "1", pr(1, "a"), at(1, "d1"), 5));
        assertTrue(store.list(p).isEmpty(), "nothing came back");
    }

    @Test
    void putNewIsOnlyAHint() {
        ProviderId p = new ProviderId("apps", "prs");
        assertEquals(WriteOutcome.WRITTEN, store.putNew(p, "1", pr(1, "a"), at(1, "o1"), 2));
        assertEquals(WriteOutcome.WRITTEN, store.putNew(p, "2", pr(2, "a"), at(1, "o2"), 2));
        assertEquals(WriteOutcome.FULL, store.putNew(p, "3", pr(3, "a"), at(1, "o3"), 2));
        // live after all: updated in place, whatever the limit
        assertEquals(WriteOutcome.WRITTEN, store.putNew(p, "2", pr(2, "b"), at(2, "o2"), 2));
        assertEquals(WriteOutcome.UNCHANGED, store.putNew(p, "2", pr(2, "b"), at(3, "o2"), 2));
        assertEquals(WriteOutcome.WRITTEN, store.remove(p, "1", at(2, "c1")));
        assertEquals(WriteOutcome.WRITTEN, store.putNew(p, "1", pr(1, "c"), at(4, "reopened"), 2), "reopened");
        assertEquals(WriteOutcome.FULL, store.putNew(p, "3", pr(3, "a"), at(5, "o3"), 2), "the place was taken");
        assertEquals(List.of("1", "2"), ids(store.list(p)));
        assertEquals("c", store.get(p, "1").orElseThrow().values().get("sha"));
    }

    @Test
    void deliveriesOutOfOrderConvergeOnTheNewest() {
        ProviderId p = new ProviderId("apps", "prs");
        for (int n : new int[] {3, 1, 7, 2, 6, 0, 5, 4}) {
            store.put(p, "9", pr(9, "sha" + n), at(n, "d" + n));
        }
        assertEquals("sha7", store.get(p, "9").orElseThrow().values().get("sha"));
        assertEquals(at(7, "d7"), store.get(p, "9").orElseThrow().ordering());
    }

    @Test
    void sameValueWithNewerOrderingIsUnchangedButAdvancesTheOrdering() {
        ProviderId p = new ProviderId("apps", "prs");
        store.put(p, "1", pr(1, "a"), at(1, "x"));
        assertEquals(WriteOutcome.UNCHANGED, store.put(p, "1", pr(1, "a"), at(3, "x")));
        // the ordering moved to 3: a delivery from time 2 is now stale
        assertEquals(WriteOutcome.STALE, store.put(p, "1", pr(1, "b"), at(2, "x")));
        assertEquals(at(3, "x"), store.get(p, "1").orElseThrow().ordering());
    }

    @Test
    void removeLeavesATombstoneThatBlocksALateOpen() {
        ProviderId p = new ProviderId("apps", "prs");
        store.put(p, "5", pr(5, "a"), at(1, "opened"));
        assertEquals(WriteOutcome.WRITTEN, store.remove(p, "5", at(3, "closed")));
        assertTrue(store.get(p, "5").isEmpty());
        assertTrue(store.list(p).isEmpty());
        // a redelivered, older "opened" must not resurrect the input
        assertEquals(WriteOutcome.STALE, store.put(p, "5", pr(5, "a"), at(2, "opened")));
        assertEquals(WriteOutcome.STALE, store.remove(p, "5", at(2, "closed")));
        assertTrue(store.get(p, "5").isEmpty());
        // still guarding a moment before its TTL ends
        InputStore later = fixture.inputs(at(NOW.plus(StoreFixture.TOMBSTONE_TTL).minusSeconds(1)));
        assertEquals(WriteOutcome.STALE, later.put(p, "5", pr(5, "a"), at(2, "opened")));

        // a newer reopen brings it back
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "5", pr(5, "c"), at(4, "reopened")));
        assertEquals("c", store.get(p, "5").orElseThrow().values().get("sha"));
        assertEquals(List.of("5"), ids(store.list(p)));
        // removing what was never there leaves a tombstone too
        assertEquals(WriteOutcome.UNCHANGED, store.remove(p, "404", at(1, "closed")));
        assertEquals(WriteOutcome.REPEATED, store.remove(p, "404", at(1, "closed")));
        assertEquals(WriteOutcome.STALE, store.put(p, "404", pr(404, "a"), at(0, "opened")));
    }

    @Test
    void tombstonesNeitherShowNorCountUnderTheLimit() {
        ProviderId p = new ProviderId("apps", "prs");
        for (int pr = 1; pr <= 40; pr++) {
            store.put(p, Integer.toString(pr), pr(pr, "a"), at(pr, "opened"));
            store.remove(p, Integer.toString(pr), at(pr + 1, "closed"));
        }
        store.put(p, "200", pr(200, "b"), at(300, "opened"));
        assertEquals(List.of("200"), ids(store.list(p)));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "201", pr(201, "c"), at(301, "opened"), 2));
        assertEquals(WriteOutcome.FULL, store.put(p, "202", pr(202, "d"), at(302, "opened"), 2));
        // the tombstones are still there, guarding their ids
        assertEquals(WriteOutcome.STALE, store.put(p, "7", pr(7, "late"), at(7, "opened")));
        assertEquals(List.of("200", "201"), ids(store.list(p)));
    }

    @Test
    void theLimitRefusesNewInputsOnlyAndARemovalOrEvictionMakesRoom() {
        ProviderId p = new ProviderId("apps", "prs");
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "1", pr(1, "a"), at(1, "o1"), 2));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "2", pr(2, "a"), at(1, "o2"), 2));
        assertEquals(WriteOutcome.FULL, store.put(p, "3", pr(3, "a"), at(1, "o3"), 2));
        assertTrue(store.get(p, "3").isEmpty());
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "2", pr(2, "b"), at(2, "s2"), 2), "an update keeps its place");
        assertEquals(WriteOutcome.UNCHANGED, store.put(p, "2", pr(2, "b"), at(3, "s2"), 2));
        assertEquals(WriteOutcome.STALE, store.put(p, "1", pr(1, "old"), at(0, "o0"), 2), "stale before full");
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "9", pr(9, "a"), at(1, "o9")), "no limit: always room");
        assertEquals(WriteOutcome.WRITTEN, store.remove(p, "9", at(2, "c9")));

        assertEquals(WriteOutcome.WRITTEN, store.remove(p, "1", at(4, "closed")));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "3", pr(3, "a"), at(5, "o3"), 2));
        assertEquals(WriteOutcome.FULL, store.put(p, "4", pr(4, "a"), at(5, "o4"), 2));
        assertEquals(WriteOutcome.STALE, store.put(p, "1", pr(1, "a"), at(3, "o1"), 2), "its tombstone guards it");
        StoredInput two = store.get(p, "2").orElseThrow();
        assertEquals(WriteOutcome.WRITTEN, store.evict(two));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "4", pr(4, "a"), at(5, "o4"), 2));
        assertEquals(List.of("3", "4"), ids(store.list(p)));
        assertThrows(IllegalArgumentException.class, () -> store.put(p, "5", pr(5, "a"), at(5, "o5"), 0));

        // an eviction can hand its place to the newcomer that caused it: nobody else can take it
        assertEquals(WriteOutcome.WRITTEN, store.evict(store.get(p, "3").orElseThrow(), "9"));
        assertEquals(WriteOutcome.FULL, store.put(p, "8", pr(8, "a"), at(6, "o8"), 2));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "9", pr(9, "a"), at(6, "o9"), 2));
        assertEquals(List.of("4", "9"), ids(store.list(p)));
        assertEquals(WriteOutcome.FULL, store.put(p, "8", pr(8, "a"), at(7, "o8"), 2), "the place was used once");
    }

    @Test
    void aRemovalTellsWhetherTheSetWasAtTheLimit() {
        ProviderId p = new ProviderId("apps", "prs");
        store.put(p, "1", pr(1, "a"), at(1, "o1"), 2);
        store.put(p, "2", pr(2, "a"), at(1, "o2"), 2);
        assertEquals(new Removal(WriteOutcome.WRITTEN, true), store.remove(p, "1", at(2, "c1"), 2));
        assertEquals(new Removal(WriteOutcome.WRITTEN, false), store.remove(p, "2", at(2, "c2"), 2));
        assertEquals(new Removal(WriteOutcome.UNCHANGED, false), store.remove(p, "3", at(2, "c3"), 2));
        assertEquals(new Removal(WriteOutcome.STALE, false), store.remove(p, "2", at(1, "c2"), 2));
        store.put(p, "4", pr(4, "a"), at(3, "o4"), 1);
        assertEquals(new Removal(WriteOutcome.WRITTEN, false), store.remove(p, "4", at(4, "c4"), InputStore.NO_LIMIT));
    }

    @Test
    void evictTakesOutTheListedStateOnlyAndItsTombstoneKeepsTheInputsOrdering() {
        ProviderId p = new ProviderId("apps", "prs");
        store.put(p, "3", pr(3, "a"), at(5, "a"));
        StoredInput listed = store.list(p).get(0);
        store.put(p, "3", pr(3, "b"), at(6, "b"));
        assertEquals(WriteOutcome.STALE, store.evict(listed), "a newer write landed since the listing");
        assertEquals("b", store.get(p, "3").orElseThrow().values().get("sha"));

        StoredInput again = store.list(p).get(0);
        assertEquals(WriteOutcome.WRITTEN, store.evict(again));
        assertTrue(store.get(p, "3").isEmpty());
        assertTrue(store.list(p).isEmpty());
        assertEquals(WriteOutcome.STALE, store.evict(again), "already evicted");
        // an older delivery for it stays stale; a newer one may come back (through the limit)
        assertEquals(WriteOutcome.STALE, store.put(p, "3", pr(3, "old"), at(6, "a")));
        assertEquals(WriteOutcome.WRITTEN, store.put(p, "3", pr(3, "c"), at(7, "c"), 1));
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
        assertEquals(List.of("2", "3"), ids(store.list(p)));
        // an older full poll loses item by item
        Map<String, WriteOutcome> stale = store.replaceAll(p, Map.of("1", pr(1, "a")), at(1, "poll0"));
        assertEquals(Map.of("1", WriteOutcome.STALE, "2", WriteOutcome.STALE, "3", WriteOutcome.STALE), stale);
        assertEquals(List.of("2", "3"), ids(store.list(p)));
        assertEquals(Map.of("2", WriteOutcome.WRITTEN, "3", WriteOutcome.WRITTEN),
                store.replaceAll(p, Map.of(), at(3, "poll3")));
        assertTrue(store.list(p).isEmpty());
    }
}
