package dev.rset.cli.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.reconciler.PairReconciler;
import dev.rset.reconciler.PairRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The queue's guarantees, seen at its port: the reconciler here records what it is asked to do
 * (the real one is exercised end to end by DevCommandTest).
 */
class LocalPairQueueTest {
    private static PairRequest request(String rs, String cluster, String cause, boolean force) {
        return new PairRequest("apps", rs, cluster, force, Instant.now(), cause);
    }

    @Test
    void requestsArrivingDuringARunCoalesceIntoOneMoreRunAndNoneIsLost() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<PairRequest> runs = Collections.synchronizedList(new ArrayList<>());
        PairReconciler reconciler = r -> {
            runs.add(r);
            if (runs.size() == 1) {
                firstStarted.countDown();
                await(release);
            }
            return new PairReconciler.Outcome("True", "ReconciliationSucceeded", "", false);
        };
        try (LocalPairQueue queue = new LocalPairQueue(reconciler, 4, (r, o) -> { })) {
            queue.send(List.of(request("web", "a", "first", false)));
            assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
            queue.send(List.of(request("web", "a", "second", false)));
            queue.send(List.of(request("web", "a", "third", true)));
            release.countDown();
            assertTrue(queue.awaitIdle(Duration.ofSeconds(10)));
        }
        assertEquals(2, runs.size(), runs.toString());
        assertEquals("second; third", runs.get(1).cause());
        assertTrue(runs.get(1).force(), "forced if any coalesced request was");
    }

    @Test
    void atMostOneRunPerPairAndASlowPairDoesNotHoldOthers() throws Exception {
        ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger maxSamePair = new AtomicInteger();
        CountDownLatch slowRelease = new CountDownLatch(1);
        CountDownLatch fastDone = new CountDownLatch(1);
        PairReconciler reconciler = r -> {
            int now = inFlight.computeIfAbsent(r.groupId(), k -> new AtomicInteger()).incrementAndGet();
            maxSamePair.accumulateAndGet(now, Math::max);
            try {
                if (r.cluster().equals("slow")) {
                    await(slowRelease);
                } else {
                    fastDone.countDown();
                }
                return new PairReconciler.Outcome("True", "ReconciliationSucceeded", "", false);
            } finally {
                inFlight.get(r.groupId()).decrementAndGet();
            }
        };
        try (LocalPairQueue queue = new LocalPairQueue(reconciler, 4, (r, o) -> { })) {
            for (int i = 0; i < 20; i++) {
                queue.send(List.of(request("web", "slow", "n" + i, false)));
            }
            queue.send(List.of(request("web", "fast", "x", false)));
            assertTrue(fastDone.await(10, TimeUnit.SECONDS), "the fast pair ran while the slow one was stuck");
            slowRelease.countDown();
            assertTrue(queue.awaitIdle(Duration.ofSeconds(10)));
        }
        assertEquals(1, maxSamePair.get());
    }

    @Test
    void aFailedRunIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch succeeded = new CountDownLatch(1);
        PairReconciler reconciler = r -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("store unavailable");
            }
            succeeded.countDown();
            return new PairReconciler.Outcome("True", "ReconciliationSucceeded", "", false);
        };
        List<String> reasons = Collections.synchronizedList(new ArrayList<>());
        try (LocalPairQueue queue = new LocalPairQueue(reconciler, 2, (r, o) -> reasons.add(o.reason()))) {
            queue.send(List.of(request("web", "a", "x", false)));
            assertTrue(succeeded.await(15, TimeUnit.SECONDS), "retried after the first failure");
        }
        assertEquals(List.of("ControlPlaneError", "ReconciliationSucceeded"), reasons);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
