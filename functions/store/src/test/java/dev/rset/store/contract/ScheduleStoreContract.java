package dev.rset.store.contract;

import dev.rset.store.ConflictException;
import dev.rset.store.DueItem;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.ScheduleStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link ScheduleStore} does: versioned state and the due query. */
public abstract class ScheduleStoreContract extends StoreContract {
    protected ScheduleStore store;

    @BeforeEach
    void port() {
        store = fixture.schedules();
    }

    protected static ObjectKey rsip(String name) {
        return new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "sched", name);
    }

    @Test
    void stateRoundTripsWithVersionChecks() {
        ObjectKey k = rsip("roundtrip");
        assertTrue(store.get(k).isEmpty());
        ScheduleState s = store.put(ScheduleState.initial(k).withNextDue(NOW).withWindowEnd(NOW.plusSeconds(600))
                .withLastReconcile(NOW.minusSeconds(60)));
        assertEquals(1, s.version());
        assertEquals(Optional.of(s), store.get(k));
        assertThrows(ConflictException.class, () -> store.put(ScheduleState.initial(k)));
        ScheduleState s2 = store.put(s.withSuspended(true));
        assertEquals(2, s2.version());
        assertThrows(ConflictException.class, () -> store.put(s.withNextDue(NOW.plusSeconds(5))));
        assertTrue(store.get(k).orElseThrow().suspended());
        assertThrows(ConflictException.class, () -> store.put(new ScheduleState(rsip("absent"), Optional.of(NOW),
                Optional.empty(), Optional.empty(), false, 3)), "a version given for a state never stored");
        ScheduleState cleared = store.put(s2.withNextDue(null).withWindowEnd(null).withLastReconcile(null));
        assertEquals(Optional.of(cleared), store.get(k));
    }

    @Test
    void dueQueryReturnsOnlyDueUnsuspendedObjectsEarliestFirst() {
        for (int i = 0; i < 40; i++) {
            // even: due in the past (older the larger i), odd: due in the future
            java.time.Instant due = i % 2 == 0 ? NOW.minusSeconds(i + 1) : NOW.plusSeconds(3600 + i);
            store.put(ScheduleState.initial(rsip("p" + i)).withNextDue(due).withSuspended(i == 4));
        }
        store.put(ScheduleState.initial(rsip("never")));
        store.put(ScheduleState.initial(rsip("exactly-now")).withNextDue(NOW));

        List<DueItem> due = store.due(NOW, 100);
        List<String> names = due.stream().map(d -> d.key().name()).toList();
        assertEquals(20, names.size(), names.toString());
        assertEquals("p38", names.get(0));
        assertEquals("exactly-now", names.get(names.size() - 1));
        assertFalse(names.contains("p4") || names.contains("never") || names.contains("p1"), names.toString());
        for (int i = 1; i < due.size(); i++) {
            assertFalse(due.get(i).dueAt().isBefore(due.get(i - 1).dueAt()), "earliest first: " + due);
        }
        List<DueItem> limited = store.due(NOW, 3);
        assertEquals(List.of("p38", "p36", "p34"), limited.stream().map(d -> d.key().name()).toList());
        assertEquals(NOW.minusSeconds(39), limited.get(0).dueAt());
        assertTrue(store.due(NOW.minus(Duration.ofHours(1)), 100).isEmpty());
    }

    @Test
    void objectsDueAtTheSameTimeComeByKindNamespaceAndName() {
        ObjectKey b = new ObjectKey(Kind.RESOURCE_SET, "apps", "b");
        ObjectKey a = new ObjectKey(Kind.RESOURCE_SET, "apps", "a");
        ObjectKey other = new ObjectKey(Kind.RESOURCE_SET, "apps-2", "a");
        ObjectKey provider = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "apps", "a");
        for (ObjectKey k : List.of(provider, other, b, a)) {
            store.put(ScheduleState.initial(k).withNextDue(NOW));
        }
        assertEquals(List.of(a, b, other, provider), store.due(NOW, 10).stream().map(DueItem::key).toList());
    }

    @Test
    void deletingTheStateTakesTheObjectOutOfTheDueQuery() {
        ObjectKey k = rsip("deleted");
        store.put(ScheduleState.initial(k).withNextDue(NOW));
        assertEquals(1, store.due(NOW, 10).size());
        store.delete(k);
        assertEquals(Optional.empty(), store.get(k));
        assertEquals(List.of(), store.due(NOW, 10));
        store.delete(k);
        assertEquals(1, store.put(ScheduleState.initial(k)).version(), "it starts again from none");
    }

    @Test
    void resumingOrReschedulingMovesTheEntry() {
        ObjectKey k = rsip("moving");
        ScheduleState st = store.put(ScheduleState.initial(k).withNextDue(NOW.minusSeconds(1)).withSuspended(true));
        assertTrue(store.due(NOW, 10).isEmpty());
        st = store.put(st.withSuspended(false));
        assertEquals(List.of(k), store.due(NOW, 10).stream().map(DueItem::key).toList());
        st = store.put(st.withNextDue(NOW.plusSeconds(60)));
        assertTrue(store.due(NOW, 10).isEmpty());
        assertEquals(1, store.due(NOW.plusSeconds(60), 10).size());
        store.put(st.withNextDue(null));
        assertTrue(store.due(NOW.plusSeconds(3600), 10).isEmpty());
    }

    @Test
    void aClaimMovesTheDueTimeOnceAndLapsesAfterItsLease() {
        ObjectKey k = rsip("claimed");
        ScheduleState st = store.put(ScheduleState.initial(k).withNextDue(NOW.minusSeconds(5)));
        DueItem item = store.due(NOW, 10).get(0);
        ScheduleState claimed = store.claim(item, NOW, NOW.plusSeconds(300)).orElseThrow();
        assertEquals(Optional.of(NOW.plusSeconds(300)), claimed.nextDue());
        assertEquals(st.version() + 1, claimed.version());
        assertEquals(Optional.of(claimed), store.get(k));
        assertTrue(store.claim(item, NOW, NOW.plusSeconds(300)).isEmpty(), "a second tick with the same entry");
        assertTrue(store.due(NOW.plusSeconds(60), 10).isEmpty(), "claimed: not due while the lease holds");
        List<DueItem> lapsed = store.due(NOW.plusSeconds(300), 10);
        assertEquals(List.of(k), lapsed.stream().map(DueItem::key).toList(), "due again when the lease ends");
        assertThrows(ConflictException.class, () -> store.put(st.withNextDue(NOW.plusSeconds(3600))),
                "the pre-claim version no longer writes");
        ScheduleState finished = store.put(claimed.withNextDue(NOW.plusSeconds(3600)));
        assertTrue(store.due(NOW.plusSeconds(600), 10).isEmpty(), "the finish moved it an hour on");
        assertTrue(store.claim(lapsed.get(0), NOW.plusSeconds(600), NOW.plusSeconds(900)).isEmpty());
        assertEquals(Optional.of(finished), store.get(k));
        assertEquals(List.of(k), store.due(NOW.plusSeconds(3600), 10).stream().map(DueItem::key).toList());
    }

    @Test
    void anEntryRescheduledOrSuspendedSinceTheQueryCannotBeClaimed() {
        ObjectKey later = rsip("rescheduled");
        ObjectKey paused = rsip("suspended");
        ScheduleState l = store.put(ScheduleState.initial(later).withNextDue(NOW));
        ScheduleState p = store.put(ScheduleState.initial(paused).withNextDue(NOW));
        List<DueItem> due = store.due(NOW, 10);
        assertEquals(2, due.size());
        store.put(l.withNextDue(NOW.plusSeconds(600)));
        store.put(p.withSuspended(true));
        for (DueItem d : due) {
            assertTrue(store.claim(d, NOW, NOW.plusSeconds(300)).isEmpty(), d.toString());
        }
        assertTrue(store.due(NOW.plusSeconds(60), 10).isEmpty());
        assertFalse(store.get(paused).orElseThrow().isDue(NOW.plusSeconds(60)));
    }
}
