package dev.rset.scheduler;

import static dev.rset.scheduler.World.NS;
import static dev.rset.scheduler.World.provider;
import static dev.rset.scheduler.World.resourceSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.core.api.Annotations;
import dev.rset.events.EventPublisher;
import dev.rset.events.InputsChanged;
import dev.rset.events.PublishException;
import dev.rset.events.ReconcileRequested;
import dev.rset.scheduler.Handled.Outcome;
import dev.rset.store.Condition;
import dev.rset.store.DueItem;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.ProviderId;
import dev.rset.store.ScheduleState;
import dev.rset.store.StoredInput;
import dev.rset.store.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class TickTest {
    static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    static Set<ObjectKey> keys(TickReport r) {
        return r.handled().stream().map(Handled::key).collect(Collectors.toSet());
    }

    static Set<Outcome> outcomes(TickReport r) {
        return r.handled().stream().map(Handled::outcome).collect(Collectors.toSet());
    }

    static List<StoredInput> inputs(World w, String provider) {
        return w.stores.inputs().list(new ProviderId(NS, provider));
    }

    @Test
    void oneTickPollsExactlyTheTenDueProvidersOfAThousand(MotoServer moto) {
        // 1,000 registered providers in the due index, 10 of them due. The 990 others are there as
        // schedule entries only (what a tick could touch): writing their definitions too makes
        // moto's transactions minutes slow, and a tick that wrongly took one would report it
        // (as deleted) and fail the test all the same.
        World w = new World(moto, T0);
        List<Map<String, Object>> dueSoon = new ArrayList<>();
        Set<ObjectKey> due = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String name = String.format("p%04d", i);
            if (i % 100 == 7) {
                dueSoon.add(World.staticProvider(name, Map.of("batch", "due"), Map.of(), List.of()));
                due.add(provider(name));
            } else {
                w.dueAt(provider(name), T0.plusSeconds(1 + i));
            }
        }
        dueSoon.add(World.resourceSetReading("previews", Map.of("batch", "due"), Map.of()));
        w.defineDue(dueSoon, T0.minusSeconds(60));
        w.stores.schedules().put(w.schedule(resourceSet("previews")).withNextDue(T0.plus(Duration.ofHours(1))));

        TickReport r = w.tick().run(T0, World::plentyOfTime);

        assertEquals(10, r.due());
        assertEquals(due, keys(r));
        assertEquals(Set.of(Outcome.INPUTS_CHANGED), outcomes(r));
        assertEquals(0, r.notClaimed() + r.leftForNextTick() + r.failed());
        for (ObjectKey key : due) {
            assertEquals(1, inputs(w, key.name()).size(), key + " was polled");
            assertEquals(Map.of("env", key.name(), "id", dev.rset.core.inputs.InputIds.of("uid-" + key.name())),
                    inputs(w, key.name()).get(0).values());
            ScheduleState s = w.schedule(key);
            assertEquals(Optional.of(T0.plus(Duration.ofMinutes(10))), s.nextDue(), "due again after reconcileEvery");
            assertEquals(Optional.of(T0), s.lastReconcile());
        }
        for (String name : List.of("p0000", "p0006", "p0008", "p0500", "p0999")) {
            assertTrue(inputs(w, name).isEmpty(), name + " was not due and not polled");
            assertEquals(Optional.empty(), w.schedule(provider(name)).lastReconcile());
        }
        List<JsonNode> events = w.events();
        assertEquals(10, events.size());
        assertEquals(due.stream().map(ObjectKey::name).collect(Collectors.toSet()), events.stream()
                .map(e -> e.get("detail").get("providers").get(0).get("name").asText()).collect(Collectors.toSet()));
        events.forEach(e -> {
            assertEquals("InputsChanged", e.get("detail-type").asText());
            assertEquals("rset.scheduler", e.get("source").asText());
            assertEquals("previews", e.get("detail").get("resourceSet").get("name").asText());
        });
        assertEquals(0, w.tick().run(T0, World::plentyOfTime).due(), "nothing is due twice");
    }

    @Test
    void twoOverlappingTicksHandleEachProviderAtMostOnce(MotoServer moto) {
        World w = new World(moto, T0);
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            manifests.add(World.staticProvider("p" + i, Map.of("batch", "due"), Map.of(), List.of()));
        }
        manifests.add(World.resourceSetReading("previews", Map.of("batch", "due"), Map.of()));
        w.define(manifests);
        for (int i = 0; i < 10; i++) {
            w.dueAt(provider("p" + i), T0.minusSeconds(i));
        }
        Tick a = w.tick();
        Tick b = w.tick();
        // Both read the index before either claims: the slow tick of the last minute and this minute's.
        List<DueItem> seenByA = a.due(T0);
        List<DueItem> seenByB = b.due(T0.plusSeconds(30));
        assertEquals(10, seenByA.size());
        assertEquals(seenByA, seenByB);

        TickReport ra = a.handle(seenByA, T0, World::plentyOfTime);
        TickReport rb = b.handle(seenByB, T0.plusSeconds(30), World::plentyOfTime);

        assertEquals(10, ra.handled().size());
        assertEquals(0, rb.handled().size());
        assertEquals(10, rb.notClaimed());
        assertEquals(10, w.events().size(), "one InputsChanged per provider: each was polled once");
    }

    @Test
    void ofTwoClaimsOnTheSameVersionOnlyTheFirstWrites(MotoServer moto) {
        // The store's guarantee, step by step: both ticks got the same entry from the due query; the
        // first claim writes; the second, conditional on the object still being due, is refused.
        // (moto does not serialise truly concurrent conditional writes, so the race itself is not
        // replayed here.)
        World w = new World(moto, T0);
        w.define(List.of(World.staticProvider("p", Map.of(), Map.of(), List.of())));
        w.dueAt(provider("p"), T0);
        Claims a = new Claims(w.stores.schedules(), Duration.ofMinutes(5));
        Claims b = new Claims(w.stores.schedules(), Duration.ofMinutes(5));
        DueItem seenByA = w.stores.schedules().due(T0, 10).get(0);
        DueItem seenByB = w.stores.schedules().due(T0, 10).get(0);
        assertEquals(seenByA, seenByB);
        ScheduleState claimed = a.claim(seenByA, T0).orElseThrow();
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(5))), claimed.nextDue());
        assertEquals(Optional.empty(), b.claim(seenByB, T0));
        assertEquals(Optional.empty(), b.claim(seenByB, T0.plusSeconds(59)), "claimed: not due for the lease");
        assertTrue(w.stores.schedules().due(T0.plusSeconds(59), 10).isEmpty());
        DueItem lapsed = w.stores.schedules().due(T0.plus(Duration.ofMinutes(5)), 10).get(0);
        assertTrue(b.claim(lapsed, T0.plus(Duration.ofMinutes(5))).isPresent(), "a claim whose tick died lapses");
    }

    @Test
    void aProviderOutsideItsWindowIsNotPolledUntilTheClockReachesIt(MotoServer moto) {
        World w = new World(moto, T0);
        w.define(List.of(World.staticProvider("nightly", Map.of(), Map.of(),
                List.of(Map.of("cron", "0 5 * * *", "timeZone", "Europe/London", "window", "1h")))));
        w.dueAt(provider("nightly"), T0);

        TickReport noon = w.tick().run(T0, World::plentyOfTime);
        assertEquals(Set.of(Outcome.SKIPPED_DUE_TO_SCHEDULE), outcomes(noon));
        assertTrue(inputs(w, "nightly").isEmpty());
        Instant fiveAm = Instant.parse("2026-11-28T05:00:00Z");
        assertEquals(Optional.of(fiveAm), w.schedule(provider("nightly")).nextDue());
        Condition ready = w.stores.statuses().get(provider("nightly")).condition(Condition.READY).orElseThrow();
        assertEquals("SkippedDueToSchedule", ready.reason());
        assertEquals("Reconciliation skipped, next scheduled at 2026-11-28T05:00:00Z", ready.message());

        TickReport beforeFive = w.tick().run(fiveAm.minusSeconds(1), World::plentyOfTime);
        assertEquals(0, beforeFive.due());
        assertTrue(inputs(w, "nightly").isEmpty());

        TickReport atFive = w.tick().run(fiveAm.plusSeconds(30), World::plentyOfTime);
        assertEquals(Set.of(Outcome.INPUTS_CHANGED), outcomes(atFive));
        assertEquals(1, inputs(w, "nightly").size());
        assertEquals(Optional.of(fiveAm.plusSeconds(30).plus(Duration.ofMinutes(10))),
                w.schedule(provider("nightly")).nextDue(), "inside the window the interval applies");
        assertEquals("ReconciliationSucceeded", w.stores.statuses().get(provider("nightly"))
                .condition(Condition.READY).orElseThrow().reason());

        // Near the window's end the next interval would fall outside it: due at the next trigger.
        w.dueAt(provider("late"), fiveAm);
        w.define(List.of(World.staticProvider("late", Map.of(), Map.of(),
                List.of(Map.of("cron", "0 5 * * *", "timeZone", "UTC", "window", "1h")))));
        w.tick().run(fiveAm.plus(Duration.ofMinutes(52)), World::plentyOfTime);
        assertEquals(Optional.of(fiveAm.plus(Duration.ofDays(1))), w.schedule(provider("late")).nextDue());
    }

    @Test
    void aForceRequestRunsOnceOutsideTheWindow(MotoServer moto) {
        World w = new World(moto, T0);
        w.define(List.of(World.staticProvider("nightly", Map.of(), World.forceAt(T0.minusSeconds(5).toString()),
                List.of(Map.of("cron", "0 5 * * *", "window", "1h")))));
        w.dueAt(provider("nightly"), T0);
        TickReport forced = w.tick().run(T0, World::plentyOfTime);
        assertEquals(Set.of(Outcome.INPUTS_CHANGED), outcomes(forced));
        assertTrue(forced.handled().get(0).detail().contains("forced run outside the schedule"));
        assertEquals(Optional.of(Instant.parse("2026-11-28T05:00:00Z")), w.schedule(provider("nightly")).nextDue(),
                "after the forced run, back to the schedule");
        // The same annotations at the next tick: that request was served.
        ScheduleState s = w.schedule(provider("nightly"));
        w.stores.schedules().put(s.withNextDue(T0.plusSeconds(60)));
        assertEquals(Set.of(Outcome.SKIPPED_DUE_TO_SCHEDULE),
                outcomes(w.tick().run(T0.plusSeconds(60), World::plentyOfTime)));
    }

    @Test
    void whenTheBusRefusesInputsChangedTheReadersAreMadeDueInstead(MotoServer moto) {
        World w = new World(moto, T0);
        w.defineDue(List.of(World.staticProvider("p", Map.of("batch", "due"), Map.of(), List.of()),
                World.resourceSetReading("previews", Map.of("batch", "due"), Map.of())), T0.minusSeconds(30));
        w.stores.schedules().put(w.schedule(resourceSet("previews")).withNextDue(T0.plus(Duration.ofHours(1))));
        // The bus as it fails: PutEvents keeps refusing the entries (the publisher's retries are spent).
        EventPublisher refusing = new EventPublisher() {
            @Override
            public void inputsChanged(List<InputsChanged> events) {
                throw new PublishException(events.size() + " event(s) not accepted by the bus");
            }

            @Override
            public void reconcileRequested(List<ReconcileRequested> events) {
                w.events.reconcileRequested(events);
            }
        };
        TickReport r = Wiring.tick(w.stores, refusing, w.poller, Tick.Limits.DEFAULT).run(T0, World::plentyOfTime);
        assertEquals(Map.of(provider("p"), Outcome.INPUTS_CHANGED),
                r.handled().stream().collect(Collectors.toMap(Handled::key, Handled::outcome)));
        assertEquals(Optional.of(T0), w.schedule(resourceSet("previews")).nextDue(),
                "due now: the next tick asks for its run");
        TickReport next = w.tick().run(T0.plusSeconds(60), World::plentyOfTime);
        assertEquals(Map.of(resourceSet("previews"), Outcome.RECONCILE_REQUESTED),
                next.handled().stream().collect(Collectors.toMap(Handled::key, Handled::outcome)));
        assertEquals("ReconcileRequested", w.events().get(0).get("detail-type").asText());
    }

    @Test
    void anInvalidScheduleStallsTheProviderAndTakesItOutOfTheDueIndex(MotoServer moto) {
        World w = new World(moto, T0);
        // Stored before apply-time validation existed: a window shorter than twice the timeout.
        w.define(List.of(World.staticProvider("bad", Map.of(), Map.of(),
                List.of(Map.of("cron", "0 5 * * *", "window", "1m")))));
        w.dueAt(provider("bad"), T0);
        assertEquals(Set.of(Outcome.STALLED), outcomes(w.tick().run(T0, World::plentyOfTime)));
        ObjectStatus status = w.stores.statuses().get(provider("bad"));
        Condition stalled = status.condition(Condition.STALLED).orElseThrow();
        assertEquals("True", stalled.status());
        assertEquals("InvalidSchedule", stalled.reason());
        assertEquals("Reconciliation failed terminally due to configuration error: failed to validate schedule[0]: "
                + "a non-zero window (1m0s) must always be at least twice the timeout (2m0s)", stalled.message());
        assertEquals("False", status.condition(Condition.READY).orElseThrow().status());
        assertEquals(Optional.empty(), w.schedule(provider("bad")).nextDue());
        assertTrue(inputs(w, "bad").isEmpty());
    }

    @Test
    void resourceSetsAreAskedToReconcileOnTheirIntervalAndSuspendedOnesLeaveTheIndex(MotoServer moto) {
        World w = new World(moto, T0);
        w.define(List.of(World.resourceSetReading("drifty", Map.of("x", "y"),
                        Map.of(Annotations.RECONCILE_EVERY, "30m")),
                World.resourceSetReading("paused", Map.of("x", "y"), Map.of(Annotations.RECONCILE, "disabled"))));
        w.dueAt(resourceSet("drifty"), T0);
        w.dueAt(resourceSet("paused"), T0);
        TickReport r = w.tick().run(T0, World::plentyOfTime);
        assertEquals(Map.of(resourceSet("drifty"), Outcome.RECONCILE_REQUESTED, resourceSet("paused"), Outcome.DROPPED),
                r.handled().stream().collect(Collectors.toMap(Handled::key, Handled::outcome)));
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(30))), w.schedule(resourceSet("drifty")).nextDue());
        assertTrue(w.schedule(resourceSet("paused")).suspended());
        List<JsonNode> events = w.events();
        assertEquals(1, events.size());
        assertEquals("ReconcileRequested", events.get(0).get("detail-type").asText());
        JsonNode d = events.get(0).get("detail");
        assertEquals(List.of("ResourceSet", "drifty", "false", "scheduler"), List.of(d.get("kind").asText(),
                d.get("name").asText(), d.get("force").asText(), d.get("requestedBy").asText()));
    }

    @Test
    void aTickCapsItsWorkAndStartsNothingItCouldNotFinishBeforeTheTimeout(MotoServer moto) {
        World w = new World(moto, T0);
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            manifests.add(World.staticProvider("p" + i, Map.of(), Map.of(), List.of()));
            w.dueAt(provider("p" + i), T0.minusSeconds(10 - i));
        }
        w.define(manifests);
        // One at a time, so that the order in which the remaining time is asked for is the due order.
        Tick.Limits three = new Tick.Limits(3, 1, Duration.ofMinutes(5), Duration.ofSeconds(10));
        // Lambda's remaining time as the tick asks for it: before its claims 30 s, then before each
        // object 25 s, 20 s, then 9 s (under the reserve: that claim is given back).
        AtomicInteger asked = new AtomicInteger();
        long[] remaining = {30_000, 25_000, 20_000, 9_000};
        TickReport r = w.tick(three).run(T0, () -> remaining[Math.min(asked.getAndIncrement(), 3)]);
        assertEquals(3, r.due(), "at most three per tick");
        assertEquals(Set.of(provider("p0"), provider("p1")), keys(r), "earliest due first");
        assertEquals(1, r.leftForNextTick());
        TickReport next = w.tick(three).run(T0.plusSeconds(60), World::plentyOfTime);
        assertEquals(Set.of(provider("p2"), provider("p3"), provider("p4")), keys(next));
        assertFalse(next.handled().isEmpty());
    }
}
