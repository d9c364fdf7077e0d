package dev.rset.cli.dev;

import dev.rset.dispatcher.PairQueue;
import dev.rset.reconciler.PairReconciler;
import dev.rset.reconciler.PairReconciler.Outcome;
import dev.rset.reconciler.PairRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The pair queue of {@code rset dev}, with the guarantees the SQS FIFO queue gives the deployed
 * stack: at most one run per (ResourceSet, cluster) pair at a time, pairs independent of each
 * other, requests made during a run coalesced into one more run (never dropped), and failed runs
 * retried with a growing pause (1 s doubling to 1 min) for as long as the process lives.
 */
final class LocalPairQueue implements PairQueue, AutoCloseable {
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(1);
    private static final int MAX_CAUSE = 500;

    /** What one pair has: a run in progress, the request that will run next, failures in a row. */
    private static final class Pair {
        boolean running;
        PairRequest next;
        int failures;
    }

    private final PairReconciler reconciler;
    private final BiConsumer<PairRequest, Outcome> finished;
    private final ExecutorService runs;
    private final ScheduledExecutorService retries;
    private final Map<String, Pair> pairs = new HashMap<>();

    LocalPairQueue(PairReconciler reconciler, int threads, BiConsumer<PairRequest, Outcome> finished) {
        this.reconciler = reconciler;
        this.finished = finished;
        this.runs = Executors.newFixedThreadPool(threads, daemon("rset-reconcile"));
        this.retries = Executors.newSingleThreadScheduledExecutor(daemon("rset-retry"));
    }

    @Override
    public void send(List<PairRequest> requests) {
        for (PairRequest r : requests) {
            boolean start;
            synchronized (pairs) {
                Pair p = pairs.computeIfAbsent(r.groupId(), k -> new Pair());
                p.next = p.next == null ? r : coalesce(p.next, r);
                start = !p.running;
                p.running = true;
            }
            if (start) {
                runs.execute(() -> drain(r.groupId()));
            }
        }
    }

    /** One request standing for both: the later time, forced if either was, both causes. */
    static PairRequest coalesce(PairRequest a, PairRequest b) {
        String cause = a.cause().equals(b.cause()) ? a.cause() : a.cause() + "; " + b.cause();
        if (cause.length() > MAX_CAUSE) {
            cause = cause.substring(0, MAX_CAUSE) + "…";
        }
        return new PairRequest(b.namespace(), b.resourceSet(), b.cluster(), a.force() || b.force(),
                a.requestedAt().isAfter(b.requestedAt()) ? a.requestedAt() : b.requestedAt(), cause);
    }

    private void drain(String group) {
        while (true) {
            PairRequest request;
            synchronized (pairs) {
                Pair p = pairs.get(group);
                request = p.next;
                p.next = null;
                if (request == null) {
                    p.running = false;
                    return;
                }
            }
            Outcome outcome;
            // One run, one invocation of the reconciler: its log lines and metrics say so.
            try (dev.rset.ops.Invocation run = dev.rset.ops.Invocation.start("reconciler", null)) {
                outcome = reconciler.reconcile(request);
            } catch (RuntimeException e) {
                outcome = new Outcome("Unknown", "ControlPlaneError", e.getClass().getSimpleName() + ": " + e.getMessage(),
                        true);
            }
            finished.accept(request, outcome);
            afterRun(group, request, outcome.retry());
        }
    }

    private void afterRun(String group, PairRequest request, boolean retry) {
        int failures;
        synchronized (pairs) {
            Pair p = pairs.get(group);
            p.failures = retry ? p.failures + 1 : 0;
            failures = p.failures;
        }
        if (retry && !retries.isShutdown()) {
            long pause = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures - 1, 16));
            retries.schedule(() -> send(List.of(request)), pause, TimeUnit.MILLISECONDS);
        }
    }

    /** Waits until no pair has a run or a request waiting (tests, the demo), at most {@code timeout}. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (pairs) {
                if (pairs.values().stream().noneMatch(p -> p.running || p.next != null)) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void close() {
        retries.shutdownNow();
        runs.shutdown();
        try {
            if (!runs.awaitTermination(10, TimeUnit.SECONDS)) {
                runs.shutdownNow();
            }
        } catch (InterruptedException e) {
            runs.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
