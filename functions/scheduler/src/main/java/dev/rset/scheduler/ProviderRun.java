package dev.rset.scheduler;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.inputs.InputResolver;
import dev.rset.core.schedule.DeliverySchedules;
import dev.rset.core.schedule.ForceRequest;
import dev.rset.core.schedule.ReconcileTiming;
import dev.rset.core.schedule.ScheduleDecision;
import dev.rset.events.EventPublisher;
import dev.rset.events.InputsChanged;
import dev.rset.events.PublishException;
import dev.rset.scheduler.Handled.Outcome;
import dev.rset.scheduler.inputs.InputSync;
import dev.rset.scheduler.inputs.SyncResult;
import dev.rset.scheduler.poll.PollResult;
import dev.rset.scheduler.poll.ProviderPoller;
import dev.rset.store.Condition;
import dev.rset.store.ConflictException;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.ScheduleState;
import dev.rset.store.ScheduleStore;
import dev.rset.store.StoredObject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One due ResourceSetInputProvider: decide by its schedules whether it may run now, poll it,
 * write what changed, tell the ResourceSets that read it, and say when it is due next.
 */
final class ProviderRun {
    /** The ordering sequence of a poll's writes: a poll is one event at its start time. */
    static final String POLL_SEQUENCE = "poll";
    private static final System.Logger LOG = System.getLogger(ProviderRun.class.getName());

    private final ProviderPoller poller;
    private final InputSync sync;
    private final DefinitionStore definitions;
    private final ScheduleStore schedules;
    private final EventPublisher events;
    private final StatusRecorder status;

    ProviderRun(ProviderPoller poller, InputSync sync, DefinitionStore definitions, ScheduleStore schedules,
            EventPublisher events, StatusRecorder status) {
        this.poller = poller;
        this.sync = sync;
        this.definitions = definitions;
        this.schedules = schedules;
        this.events = events;
        this.status = status;
    }

    /** {@code budget}: the most the poll may take, whatever the provider's timeout. */
    RunResult run(StoredObject def, ScheduleState claimed, Instant now, Duration budget) {
        ResourceSetInputProvider p;
        try {
            p = ResourceSetInputProvider.from(def.manifest());
        } catch (InvalidObjectException e) {
            stall(def, StatusRecorder.REASON_INVALID_SPEC, e.getMessage(), now);
            return RunResult.undue(new Handled(def.key(), Outcome.STALLED, e.getMessage()), false);
        }
        ReconcileTiming timing = ReconcileTiming.forInputProvider(p.metadata().annotations());
        if (timing.disabled()) {
            return RunResult.undue(new Handled(def.key(), Outcome.DROPPED, "reconciliation disabled"), true);
        }
        boolean forced = ForceRequest.pending(p.metadata().annotations(), claimed.lastReconcile());
        ScheduleDecision decision = ScheduleDecision.at(now, p.spec().schedule(), timing, forced);
        if (decision instanceof ScheduleDecision.Invalid invalid) {
            stall(def, StatusRecorder.REASON_INVALID_SCHEDULE, invalid.message(), now);
            return RunResult.undue(new Handled(def.key(), Outcome.STALLED, invalid.message()), false);
        }
        if (decision instanceof ScheduleDecision.Skip skip) {
            status.update(def, s -> keepsFailure(s) ? s : s.withCondition(StatusRecorder.condition(def,
                    Condition.READY, true, StatusRecorder.REASON_SKIPPED_DUE_TO_SCHEDULE, skip.message(), now)));
            Instant next = skip.next().map(n -> n.when()).orElse(now.plus(timing.interval()));
            return RunResult.due(new Handled(def.key(), Outcome.SKIPPED_DUE_TO_SCHEDULE, skip.message()), next);
        }
        Instant next = DeliverySchedules.of(p.spec().schedule(), timing.timeout()).nextRun(now, timing.interval()).at();
        Duration timeout = timing.timeout().compareTo(budget) < 0 ? timing.timeout() : budget;
        PollResult result = poller.poll(p, timeout);
        if (result instanceof PollResult.Failed failed) {
            status.update(def, s -> s.withCondition(StatusRecorder.condition(def, Condition.READY, false,
                    failed.reason(), failed.message(), now)));
            Instant retry = failed.retryAt().filter(at -> at.isAfter(next)).orElse(next);
            return RunResult.due(new Handled(def.key(), Outcome.POLL_FAILED, failed.reason() + ": " + failed.message()),
                    retry);
        }
        PollResult.Listed listed = (PollResult.Listed) result;
        SyncResult synced = sync.apply(new ProviderId(p.namespace(), p.name()), listed.inputs(),
                new Ordering(now, POLL_SEQUENCE), p.spec().filter().limit());
        String summary = listed.inputs().size() + " exported input(s): " + synced.writes().size() + " written, "
                + synced.unchanged() + " unchanged" + (forced ? " (forced run outside the schedule)" : "");
        List<String> readers = synced.changed() ? announce(p, now) : List.of();
        status.update(def, s -> StatusRecorder.without(s, Condition.STALLED).withCondition(StatusRecorder.condition(
                def, Condition.READY, true, Condition.REASON_SUCCEEDED, "Reconciliation finished: " + summary, now)));
        return RunResult.due(new Handled(def.key(), synced.changed() ? Outcome.INPUTS_CHANGED : Outcome.INPUTS_UNCHANGED,
                summary + (readers.isEmpty() ? "" : "; InputsChanged for " + readers)), next);
    }

    /** A failed poll stays visible until a poll succeeds: a skip does not paint over it. */
    private static boolean keepsFailure(ObjectStatus s) {
        return s.condition(Condition.READY).map(c -> c.status().equals("False")).orElse(false);
    }

    private void stall(StoredObject def, String reason, String message, Instant now) {
        String text = StatusRecorder.TERMINAL + ": " + message;
        status.update(def, s -> s.withCondition(StatusRecorder.condition(def, Condition.READY, false, reason, text, now))
                .withCondition(StatusRecorder.condition(def, Condition.STALLED, true, reason, text, now)));
    }

    /**
     * InputsChanged for each ResourceSet that reads the provider. When the bus refuses them, those
     * ResourceSets are made due now instead, so the next tick asks for their runs: written inputs
     * are never left unannounced.
     */
    private List<String> announce(ResourceSetInputProvider p, Instant now) {
        List<String> readers = new ArrayList<>();
        for (StoredObject o : definitions.list(Kind.RESOURCE_SET, p.namespace())) {
            try {
                if (InputResolver.reads(ResourceSet.from(o.manifest()), p)) {
                    readers.add(o.key().name());
                }
            } catch (InvalidObjectException e) {
                LOG.log(Level.WARNING, "skipping invalid {0}: {1}", o.key(), e.getMessage());
            }
        }
        if (readers.isEmpty()) {
            return readers;
        }
        try {
            events.inputsChanged(readers.stream().map(r -> new InputsChanged(p.namespace(), r, List.of(p.name()), "",
                    "")).toList());
        } catch (PublishException e) {
            LOG.log(Level.WARNING, "{0}: InputsChanged not published ({1}); its ResourceSets are made due now",
                    p.name(), e.getMessage());
            readers.forEach(r -> dueNow(new ObjectKey(Kind.RESOURCE_SET, p.namespace(), r), now));
        }
        return readers;
    }

    private void dueNow(ObjectKey key, Instant now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<ScheduleState> s = schedules.get(key);
            if (s.isEmpty() || s.get().suspended() || s.get().isDue(now)) {
                return;
            }
            try {
                schedules.put(s.get().withNextDue(now));
                return;
            } catch (ConflictException e) {
                // changed meanwhile: read again
            }
        }
    }
}
