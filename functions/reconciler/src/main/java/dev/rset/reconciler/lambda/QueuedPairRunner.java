package dev.rset.reconciler.lambda;

import dev.rset.ops.Fields;
import dev.rset.ops.Invocation;
import dev.rset.ops.Metrics;
import dev.rset.reconciler.PairReconciler;
import dev.rset.reconciler.PairRequest;
import dev.rset.store.ConflictException;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.PairRun;
import dev.rset.store.PairRunStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Runs a batch of queued requests: the requests of one pair become at most one run, requests a
 * finished run already covers none, and pairs run side by side so that a slow cluster does not hold
 * up the others of the batch. Returns the messages that must come back later: all of a pair's when
 * its run failed or asked for a retry (so a pair's requests never overtake each other), none when
 * it succeeded or was covered.
 */
public final class QueuedPairRunner {
    private static final System.Logger LOG = System.getLogger(QueuedPairRunner.class.getName());
    private static final int MAX_CAUSES = 5;

    private final PairRunStore runs;
    private final PairReconciler reconciler;
    private final Clock clock;
    private final Duration clockMargin;

    /**
     * {@code clockMargin}: how much the clocks of the functions that stamp {@code requestedAt} and
     * of this one may disagree; a request made less than that before a run started is run again.
     */
    public QueuedPairRunner(PairRunStore runs, PairReconciler reconciler, Clock clock, Duration clockMargin) {
        this.runs = runs;
        this.reconciler = reconciler;
        this.clock = clock;
        this.clockMargin = clockMargin;
    }

    /** The message ids to return to the queue. */
    public List<String> run(List<QueuedRequest> batch) {
        Map<String, List<QueuedRequest>> byPair = batch.stream().collect(Collectors.groupingBy(
                q -> q.request().groupId(), LinkedHashMap::new, Collectors.toList()));
        if (byPair.size() == 1) {
            return runPair(byPair.values().iterator().next());
        }
        ExecutorService pool = Executors.newFixedThreadPool(byPair.size());
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            byPair.values().forEach(requests -> results.add(pool.submit(Invocation.wrap(() -> runPair(requests)))));
            List<String> failed = new ArrayList<>();
            for (Future<List<String>> f : results) {
                failed.addAll(f.get());
            }
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return batch.stream().map(QueuedRequest::messageId).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a pair's run escaped its error handling", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> runPair(List<QueuedRequest> requests) {
        List<String> all = requests.stream().map(QueuedRequest::messageId).toList();
        PairRequest first = requests.get(0).request();
        String pair = first.groupId();
        try {
            ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, first.namespace(), first.resourceSet());
            PairRun last = runs.get(key, first.cluster());
            // A forced request asks for a run outside the delivery window, which an ordinary run may
            // have skipped: only an ordinary request can be covered by an earlier run.
            List<PairRequest> pending = requests.stream().map(QueuedRequest::request)
                    .filter(r -> r.force() || !last.covers(r.requestedAt(), clockMargin)).toList();
            if (pending.isEmpty()) {
                Metrics.count("ReconcileCovered", requests.size());
                LOG.log(Level.INFO, "{0}: {1} request(s) covered by the run started at {2}", pair, requests.size(),
                        last.covered().orElseThrow(), fields(first).outcome("Covered"));
                return List.of();
            }
            PairRun started = runs.start(last, clock.instant());
            PairRequest merged = merge(pending);
            long t0 = System.nanoTime();
            PairReconciler.Outcome outcome = reconciler.reconcile(merged);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            boolean ok = "True".equals(outcome.status());
            Metrics.count("ReconcileRuns");
            Metrics.count("ReconcileFailures", ok ? 0 : 1);
            Metrics.milliseconds("ReconcileDuration", ms);
            LOG.log(ok ? Level.INFO : Level.WARNING, "{0}: {1} {2}: {3} ({4} request(s): {5})", pair, outcome.status(),
                    outcome.reason(), outcome.message(), pending.size(), merged.cause(), fields(first)
                            .outcome(outcome.reason()).durationMs(ms).with("ready", outcome.status())
                            .with("requests", pending.size()).with("cause", merged.cause())
                            .with("force", merged.force()).with("retry", outcome.retry()));
            if (outcome.retry()) {
                return all;
            }
            runs.finish(started);
            return List.of();
        } catch (ConflictException e) {
            LOG.log(Level.WARNING, "{0}: another run is going, the requests come back later: {1}", pair,
                    e.getMessage(), fields(first).outcome("Busy"));
            return all;
        } catch (RuntimeException e) {
            Metrics.count("ReconcileRuns");
            Metrics.count("ReconcileFailures");
            LOG.log(Level.ERROR, "{0}: run failed, the requests come back later: {1}: {2}", pair,
                    e.getClass().getSimpleName(), e.getMessage(), fields(first).outcome("Error")
                            .with("error", e.getClass().getName()));
            return all;
        }
    }

    private static Fields fields(PairRequest r) {
        return Fields.event("reconcile").object("ResourceSet", r.namespace(), r.resourceSet()).cluster(r.cluster());
    }

    /** One request standing for all: the latest time, forced if any was, every cause (a few). */
    static PairRequest merge(List<PairRequest> pending) {
        PairRequest latest = pending.stream().max(Comparator.comparing(PairRequest::requestedAt)).orElseThrow();
        boolean force = pending.stream().anyMatch(PairRequest::force);
        List<String> causes = pending.stream().map(PairRequest::cause).distinct().toList();
        String cause = causes.size() <= MAX_CAUSES ? String.join(", ", causes)
                : String.join(", ", causes.subList(0, MAX_CAUSES)) + " and " + (causes.size() - MAX_CAUSES) + " more";
        Instant at = latest.requestedAt();
        return new PairRequest(latest.namespace(), latest.resourceSet(), latest.cluster(), force, at, cause);
    }
}
