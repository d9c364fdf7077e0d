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
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One scheduler tick: the due objects from the store's due index (reads that follow the due work,
 * not the registered objects), then each claimed (one conditional write) and handled, {@link Limits#parallelism} at a time in due order
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

    /** An entry this tick claimed, with the state its final write goes against. */
    public record Claimed(DueItem item, ScheduleState state) {
    }

    /** The claim phase's answer: the claimed entries in due order, and the count of the others. */
    public record ClaimPhase(int due, List<Claimed> claimed, int notClaimed, int failed) {
    }

    /** Claims and handles {@code due} (the first half of a tick is {@link #due}). */
    public TickReport handle(List<DueItem> due, Instant now, LongSupplier remainingMillis) {
        if (remainingMillis.getAsLong() <= limits.reserve().toMillis()) {
            return report(new TickReport(due.size(), List.of(), 0, due.size(), 0), now);
        }
        return handle(claim(due, now), now, remainingMillis);
    }

    /**
     * Claims every entry first ({@link Limits#parallelism} conditional writes at a time), so an
     * overlapping tick finds them taken at once rather than as each handling ends.
     */
    public ClaimPhase claim(List<DueItem> due, Instant now) {
        List<Claimed> claimed = new ArrayList<>();
        int notClaimed = 0;
        int failed = 0;
        for (Optional<Optional<Claimed>> c : inParallel(due, item -> claims.claim(item, now)
                .map(state -> new Claimed(item, state)))) {
            if (c.isEmpty()) {
                failed++;
            } else if (c.get().isEmpty()) {
                notClaimed++;
            } else {
                claimed.add(c.get().get());
            }
        }
        return new ClaimPhase(due.size(), claimed, notClaimed, failed);
    }

    /** Handles what {@link #claim} claimed; an entry there is no time left for is released for the next tick. */
    public TickReport handle(ClaimPhase phase, Instant now, LongSupplier remainingMillis) {
        List<Handled> handled = new ArrayList<>();
        int left = 0;
        int failed = phase.failed();
        for (Optional<Step> s : inParallel(phase.claimed(), c -> step(c, now, remainingMillis))) {
            if (s.isPresent() && s.get() instanceof Step.Done d) {
                handled.add(d.handled());
            } else if (s.isPresent() && s.get() instanceof Step.Left) {
                left++;
            } else {
                failed++;
            }
        }
        return report(new TickReport(phase.due(), handled, phase.notClaimed(), left, failed), now);
    }

    private static TickReport report(TickReport report, Instant now) {
        LOG.log(Level.INFO, "tick at {0}: {1} due, {2} handled, {3} claimed elsewhere, {4} left, {5} failed", now,
                report.due(), report.handled().size(), report.notClaimed(), report.leftForNextTick(), report.failed());
        return report;
    }

    private Step step(Claimed c, Instant now, LongSupplier remainingMillis) {
        long budget = remainingMillis.getAsLong() - limits.reserve().toMillis();
        if (budget <= 0) {
            claims.release(c.state(), c.item().dueAt());
            return new Step.Left();
        }
        try {
            RunResult r = handleClaimed(c.state(), now, Duration.ofMillis(budget));
            claims.finish(c.state(), r.nextDue(), r.suspended(), now);
            return new Step.Done(r.handled());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "{0} failed; due again when its claim lapses: {1}: {2}", c.item().key(),
                    e.getClass().getSimpleName(), e.getMessage());
            return new Step.Failed();
        }
    }

    /**
     * {@code work} on each input, {@link Limits#parallelism} at a time (store requests and polls are
     * waits, not computing); answers in input order, empty where it threw.
     */
    private <T, R> List<Optional<R>> inParallel(List<T> inputs, Function<T, R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(limits.parallelism(), inputs.size())));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> work.apply(input)));
            }
            List<Optional<R>> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(await(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> Optional<R> await(Future<R> f) {
        try {
            return Optional.ofNullable(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            // A store error on a claim or a release: the entry stays due, or is due again when its claim lapses.
            LOG.log(Level.ERROR, "a due entry could not be claimed or handled: {0}", e.getCause().toString());
            return Optional.empty();
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
