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
import java.util.function.LongSupplier;

/**
 * One scheduler tick: the due objects from the sparse due index (one query per shard, reading only
 * due entries), then each claimed and handled in turn. A tick does at most {@link Limits#maxItems}
 * objects and starts none when less than {@link Limits#reserve} of the invocation's time is left:
 * the rest stay due for the next tick, and no object is ever cut off by the Lambda timeout.
 */
public final class Tick {
    private static final System.Logger LOG = System.getLogger(Tick.class.getName());

    /**
     * {@code maxItems}: objects per tick; {@code lease}: how long a claim holds (longer than the
     * function's timeout, so a claim outlives the tick that made it); {@code reserve}: time kept
     * back at the end of the invocation for the last writes.
     */
    public record Limits(int maxItems, Duration lease, Duration reserve) {
        public static final Limits DEFAULT = new Limits(100, Duration.ofMinutes(5), Duration.ofSeconds(10));

        public Limits {
            if (maxItems < 1) {
                throw new IllegalArgumentException("maxItems must be at least 1, got " + maxItems);
            }
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
        int failed = 0;
        int index = 0;
        for (; index < due.size(); index++) {
            long left = remainingMillis.getAsLong() - limits.reserve().toMillis();
            if (left <= 0) {
                break;
            }
            DueItem item = due.get(index);
            Optional<ScheduleState> claimed = claims.read(item, now).flatMap(s -> claims.claim(s, now));
            if (claimed.isEmpty()) {
                notClaimed++;
                continue;
            }
            try {
                RunResult r = handleClaimed(claimed.get(), now, Duration.ofMillis(left));
                claims.finish(claimed.get(), r.nextDue(), r.suspended(), now);
                handled.add(r.handled());
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.ERROR, "{0} failed; due again when its claim lapses: {1}: {2}", item.key(),
                        e.getClass().getSimpleName(), e.getMessage());
            }
        }
        TickReport report = new TickReport(due.size(), handled, notClaimed, due.size() - index, failed);
        LOG.log(Level.INFO, "tick at {0}: {1} due, {2} handled, {3} claimed elsewhere, {4} left, {5} failed", now,
                report.due(), handled.size(), notClaimed, report.leftForNextTick(), failed);
        return report;
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
