package dev.rset.scheduler;

import dev.rset.store.DefinitionStore;
import dev.rset.store.DueItem;
import dev.rset.store.Kind;
import dev.rset.store.ScheduleState;
import dev.rset.store.ScheduleStore;
import dev.rset.store.StoredObject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * One scheduler tick: the due objects from the sparse due index (one query per shard, reading only
 * due entries), then each claimed and handled, {@link Limits#parallelism} at a time in due order
 * (each object is a few store requests and maybe a forge poll: waiting, not computing). A tick does
 * at most {@link Limits#maxItems} objects and starts none when less than {@link Limits#reserve} of
 * the invocation's time is left: the rest stay due for the next tick, and no object is ever cut
 * off by the Lambda timeout.
 */
public final class Tick {
    private static final System.Logger LOG = System.getLogger(Tick.class.getName());

    /**
     * {@code maxItems}: objects per tick; {@code parallelism}: objects handled at once;
     * {@code lease}: how long a claim holds (longer than the function's timeout, so a claim
     * outlives the tick that made it); {@code reserve}: time kept back at the end of the
     * invocation for the last writes.
     */
    public record Limits(int maxItems, int parallelism, Duration lease, Duration reserve) {
        public static final Limits DEFAULT = new Limits(100, 8, Duration.ofMinutes(5), Duration.ofSeconds(10));

        public Limits {
            if (maxItems < 1 || parallelism < 1) {
                throw new IllegalArgumentException("maxItems and parallelism must be at least 1, got " + maxItems
                        + " and " + parallelism);
            }
        }
    }

    /** What became of one due entry. */
    private sealed interface Step {
        record Done(Handled handled) implements Step {
        }

        /** Another tick had it, or it changed since the index was read. */
        record NotClaimed() implements Step {
        }

        /** Not started: too little time left. */
        record Left() implements Step {
        }

        record Failed() implements Step {
        }
    }

    private final ScheduleStore schedules;
    private final DefinitionStore definitions;
    private final Claims claims;
    private final ProviderRun providers;
    private final ResourceSetRun resourceSets;
    private final Limits limits;

    Tick(ScheduleStore schedules, DefinitionStore definitions, ProviderRun providers, ResourceSetRun resourceSets,
            Limits limits) {
        this.schedules = schedules;
        this.definitions = definitions;
        this.claims = new Claims(schedules, limits.lease());
        this.providers = providers;
        this.resourceSets = resourceSets;
        this.limits = limits;
    }

    /** {@code remainingMillis}: the invocation's time left (Lambda's context), asked before each object. */
    public TickReport run(Instant now, LongSupplier remainingMillis) {
        return handle(due(now), now, remainingMillis);
    }

    /** The due entries at {@code now}, earliest first, at most {@link Limits#maxItems}. */
    public List<DueItem> due(Instant now) {
        return schedules.due(now, limits.maxItems());
    }

    /** Claims and handles {@code due} (the first half of a tick is {@link #due}). */
    public TickReport handle(List<DueItem> due, Instant now, LongSupplier remainingMillis) {
        List<Handled> handled = new ArrayList<>();
        int notClaimed = 0;
        int left = 0;
        int failed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(limits.parallelism(), due.size())));
        try {
            List<Future<Step>> steps = new ArrayList<>();
            for (DueItem item : due) {
                steps.add(pool.submit(() -> step(item, now, remainingMillis)));
            }
            for (Future<Step> f : steps) {
                Step s = await(f);
                if (s instanceof Step.Done d) {
                    handled.add(d.handled());
                } else if (s instanceof Step.NotClaimed) {
                    notClaimed++;
                } else if (s instanceof Step.Left) {
                    left++;
                } else {
                    failed++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        TickReport report = new TickReport(due.size(), handled, notClaimed, left, failed);
        LOG.log(Level.INFO, "tick at {0}: {1} due, {2} handled, {3} claimed elsewhere, {4} left, {5} failed", now,
                report.due(), handled.size(), notClaimed, left, failed);
        return report;
    }

    private Step step(DueItem item, Instant now, LongSupplier remainingMillis) {
        long budget = remainingMillis.getAsLong() - limits.reserve().toMillis();
        if (budget <= 0) {
            return new Step.Left();
        }
        Optional<ScheduleState> claimed = claims.claim(item, now);
        if (claimed.isEmpty()) {
            return new Step.NotClaimed();
        }
        try {
            RunResult r = handleClaimed(claimed.get(), now, Duration.ofMillis(budget));
            claims.finish(claimed.get(), r.nextDue(), r.suspended(), now);
            return new Step.Done(r.handled());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "{0} failed; due again when its claim lapses: {1}: {2}", item.key(),
                    e.getClass().getSimpleName(), e.getMessage());
            return new Step.Failed();
        }
    }

    private static Step await(Future<Step> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Step.Left();
        } catch (ExecutionException e) {
            // step() catches what handling throws; this is a claim's store error: the entry stays due.
            LOG.log(Level.ERROR, "a due entry could not be claimed: {0}", e.getCause().toString());
            return new Step.Failed();
        }
    }

    private RunResult handleClaimed(ScheduleState claimed, Instant now, Duration budget) {
        Optional<StoredObject> def = definitions.get(claimed.key());
        if (def.isEmpty()) {
            return RunResult.undue(new Handled(claimed.key(), Handled.Outcome.DROPPED, "deleted"), false);
        }
        if (claimed.key().kind() == Kind.RESOURCE_SET_INPUT_PROVIDER) {
            return providers.run(def.get(), claimed, now, budget);
        }
        if (claimed.key().kind() == Kind.RESOURCE_SET) {
            return resourceSets.run(def.get(), now);
        }
        return RunResult.undue(new Handled(claimed.key(), Handled.Outcome.DROPPED, "no schedule for its kind"), false);
    }
}
