package dev.rset.store.contract;

import dev.rset.store.ClusterStatus;
import dev.rset.store.ConflictException;
import dev.rset.store.DefinitionStore;
import dev.rset.store.InputStore;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.InventoryStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.Ordering;
import dev.rset.store.PairRun;
import dev.rset.store.PairRunStore;
import dev.rset.store.ProviderId;
import dev.rset.store.ScheduleState;
import dev.rset.store.ScheduleStore;
import dev.rset.store.StatusStore;
import dev.rset.store.StoredInput;
import dev.rset.store.WriteOutcome;
import dev.rset.store.testing.Race;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writers racing on one item: the one-winner rule of conditional writes, and the limit and ordering
 * guarantees built on it. Only for backends that serialise their conditional writes (the SQLite
 * adapter does, DynamoDB does); not for moto_server, which does not (10 of 300 raced pairs of
 * conditional TransactWriteItems both won), so on moto the contracts check the same rules with
 * writes one after another. Each race runs {@link #ROUNDS} times on fresh keys.
 */
public abstract class SerialisedWritesContract extends StoreContract {
    protected static final int ROUNDS = 20;

    private static Map<String, Object> manifest(String writer) {
        return Map.of("kind", "ResourceSet", "spec", Map.of("writer", writer));
    }

    /** The writers' results, each a winner's name or "conflict". */
    private static List<String> race(int writers, java.util.function.IntFunction<Callable<Object>> body)
            throws Exception {
        return Race.run(writers, n -> () -> {
            try {
                body.apply(n).call();
                return "w" + n;
            } catch (ConflictException e) {
                return "conflict";
            }
        });
    }

    private static String winner(List<String> outcomes) {
        assertEquals(1, outcomes.stream().filter(o -> !o.equals("conflict")).count(), outcomes.toString());
        return outcomes.stream().filter(o -> !o.equals("conflict")).findFirst().orElseThrow();
    }

    @Test
    void ofWritersFromTheSameDefinitionVersionExactlyOneWins() throws Exception {
        DefinitionStore store = fixture.definitions(at(NOW));
        for (int round = 0; round < ROUNDS; round++) {
            ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "race", "app-" + round);
            store.put(k, manifest("init"), Map.of(), 0);
            String w = winner(race(4, n -> () -> store.put(k, manifest("w" + n), Map.of(), 1)));
            assertEquals(Map.of("writer", w), store.get(k).orElseThrow().manifest().get("spec"));
            assertEquals(2, store.get(k).orElseThrow().resourceVersion());
        }
    }

    @Test
    void ofWritersCreatingTheSameDefinitionExactlyOneWins() throws Exception {
        DefinitionStore store = fixture.definitions(at(NOW));
        for (int round = 0; round < ROUNDS; round++) {
            ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "race", "new-" + round);
            String w = winner(race(4, n -> () -> store.put(k, manifest("w" + n), Map.of(), 0)));
            assertEquals(Map.of("writer", w), store.get(k).orElseThrow().manifest().get("spec"));
        }
    }

    @Test
    void ofWritersFromTheSameScheduleStatusOrInventoryVersionExactlyOneWins() throws Exception {
        ScheduleStore schedules = fixture.schedules();
        StatusStore statuses = fixture.statuses();
        InventoryStore inventories = fixture.inventories();
        for (int round = 0; round < ROUNDS; round++) {
            ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "race", "obj-" + round);
            ScheduleState held = schedules.put(ScheduleState.initial(k));
            String s = winner(race(4, n -> () -> schedules.put(held.withNextDue(NOW.plusSeconds(n)))));
            assertEquals(NOW.plusSeconds(Integer.parseInt(s.substring(1))), schedules.get(k).orElseThrow().nextDue()
                    .orElseThrow());

            ObjectStatus status = statuses.put(k, ObjectStatus.EMPTY);
            String st = winner(race(4, n -> () -> statuses.put(k, status.withObservedGeneration(n + 10))));
            assertEquals(Integer.parseInt(st.substring(1)) + 10, statuses.get(k).observedGeneration());

            InventoryKey ik = new InventoryKey(k, "uid-1", "default");
            String inv = winner(race(4, n -> () -> inventories.put(ik, List.of(new InventoryEntry("w" + n, "v1")), 0)));
            assertEquals(List.of(new InventoryEntry(inv, "v1")), inventories.get(ik).entries());

            ClusterStatus pair = statuses.putCluster(k, ClusterStatus.initial("default", "uid-1"));
            String cs = winner(race(4, n -> () -> statuses.putCluster(k, new ClusterStatus("default", "uid-1",
                    pair.status(), "sha256:" + n, n, "", List.of()))));
            assertEquals("sha256:" + cs.substring(1), statuses.clusters(k).get(0).lastAppliedRevision());
        }
    }

    @Test
    void ofRunsStartedFromTheSameReadExactlyOneStarts() throws Exception {
        PairRunStore runs = fixture.pairRuns();
        for (int round = 0; round < ROUNDS; round++) {
            ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "race", "runs-" + round);
            PairRun none = runs.get(k, "prod");
            String w = winner(race(4, n -> () -> runs.start(none, NOW.plusSeconds(n))));
            assertEquals(NOW.plusSeconds(Integer.parseInt(w.substring(1))), runs.get(k, "prod").started().orElseThrow());
        }
    }

    @Test
    void racingNewInputsNeverTakeTheProviderPastItsLimit() throws Exception {
        InputStore store = fixture.inputs(at(NOW));
        for (int round = 0; round < ROUNDS; round++) {
            ProviderId p = new ProviderId("apps", "limit-" + round);
            List<WriteOutcome> outcomes = Race.run(12, n -> () -> store.put(p, Integer.toString(n),
                    Map.of("id", Integer.toString(n)), new Ordering(NOW.plusSeconds(n), "d" + n), 3));
            assertEquals(3, outcomes.stream().filter(o -> o == WriteOutcome.WRITTEN).count(), outcomes.toString());
            assertTrue(outcomes.stream().allMatch(o -> o == WriteOutcome.WRITTEN || o == WriteOutcome.FULL),
                    outcomes.toString());
            assertEquals(3, store.list(p).size());
        }
    }

    @Test
    void racingWritersOfOneInputConvergeOnTheNewestOrdering() throws Exception {
        InputStore store = fixture.inputs(at(NOW));
        int writers = 8;
        for (int round = 0; round < ROUNDS; round++) {
            ProviderId p = new ProviderId("apps", "converge-" + round);
            List<WriteOutcome> outcomes = Race.run(writers, n -> () -> store.put(p, "9",
                    Map.of("sha", "sha" + n), new Ordering(NOW.plusSeconds(n), "d" + n)));
            assertTrue(outcomes.contains(WriteOutcome.WRITTEN), outcomes.toString());
            StoredInput got = store.get(p, "9").orElseThrow();
            assertEquals("sha" + (writers - 1), got.values().get("sha"));
        }
    }

    @Test
    void racingCreatesRemovesAndEvictionsKeepTheLimitAndTheOrderingGuard() throws Exception {
        InputStore store = fixture.inputs(at(NOW));
        for (int round = 0; round < ROUNDS / 4; round++) {
            ProviderId p = new ProviderId("apps", "storm-" + round);
            Race.run(8, n -> () -> {
                for (int step = 0; step < 12; step++) {
                    String id = Integer.toString((n + step) % 6);
                    Ordering o = new Ordering(NOW.plusSeconds(step), "w" + n);
                    switch ((n + step) % 4) {
                        case 0 -> store.remove(p, id, o);
                        case 1 -> store.list(p).stream().findFirst().ifPresent(store::evict);
                        default -> store.put(p, id, Map.of("w", "w" + n, "step", step), o, 4);
                    }
                }
                return null;
            });
            List<StoredInput> live = store.list(p);
            assertTrue(live.size() <= 4, live.toString());
            for (StoredInput in : live) {
                // nothing older than what a writer wrote last for that id survives a newer write
                assertEquals(in.ordering().sequence(), in.values().get("w"), in.toString());
            }
        }
    }
}
