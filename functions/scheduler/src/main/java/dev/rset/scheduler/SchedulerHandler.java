package dev.rset.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.rset.ops.Fields;
import dev.rset.ops.Invocation;
import dev.rset.ops.Metrics;
import dev.rset.ops.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The scheduler Lambda, invoked by an EventBridge schedule every minute. Thin: the event says only
 * "a minute passed", so it is read and dropped; the tick runs on this function's clock and stops
 * starting objects before the invocation's time runs out (Lambda's remaining time).
 */
public final class SchedulerHandler implements RequestStreamHandler {
    private static final class Default {
        static final Tick TICK = init();

        private static Tick init() {
            Telemetry.forLambda(System.getenv());
            return Wiring.fromEnv(System.getenv());
        }
    }

    /** The {@code Function} dimension of the metrics and the {@code function} field of the log lines. */
    public static final String FUNCTION = "scheduler";
    private static final System.Logger LOG = System.getLogger(SchedulerHandler.class.getName());

    private final Tick tick;
    private final Clock clock;

    public SchedulerHandler() {
        this(Default.TICK, Clock.systemUTC());
    }

    public SchedulerHandler(Tick tick, Clock clock) {
        this.tick = tick;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        TickReport r;
        try (Invocation inv = Invocation.start(FUNCTION, context == null ? null : context.getAwsRequestId())) {
            r = tick.run(clock.instant(), context == null ? () -> Long.MAX_VALUE : context::getRemainingTimeInMillis);
            record(r, inv.elapsedMillis());
        }
        output.write(("{\"due\":" + r.due() + ",\"handled\":" + r.handled().size() + ",\"notClaimed\":" + r.notClaimed()
                + ",\"leftForNextTick\":" + r.leftForNextTick() + ",\"failed\":" + r.failed() + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A line per object the tick handled, and the tick's metrics. */
    static void record(TickReport r, long tickMillis) {
        long polls = 0;
        long pollFailures = 0;
        long reconciles = 0;
        for (Handled h : r.handled()) {
            boolean polled = h.outcome() == Handled.Outcome.INPUTS_CHANGED || h.outcome() == Handled.Outcome.INPUTS_UNCHANGED
                    || h.outcome() == Handled.Outcome.POLL_FAILED;
            polls += polled ? 1 : 0;
            pollFailures += h.outcome() == Handled.Outcome.POLL_FAILED ? 1 : 0;
            reconciles += h.outcome() == Handled.Outcome.RECONCILE_REQUESTED ? 1 : 0;
            LOG.log(h.outcome() == Handled.Outcome.POLL_FAILED ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                    "{0}: {1} {2}", h.key(), h.outcome(), h.detail(), Fields.event(polled ? "poll" : "scheduled")
                            .object(h.key().kind().kind(), h.key().namespace(), h.key().name())
                            .outcome(h.outcome().name()).with("detail", h.detail()));
        }
        Metrics.count("DueObjects", r.due());
        Metrics.count("ProviderPolls", polls);
        Metrics.count("PollFailures", pollFailures);
        Metrics.count("ScheduledReconciles", reconciles);
        Metrics.count("TickFailures", r.failed());
        Metrics.count("LeftForNextTick", r.leftForNextTick());
        Metrics.milliseconds("TickDuration", tickMillis);
        LOG.log(System.Logger.Level.INFO, "tick: {0} due, {1} handled in {2} ms", r.due(), r.handled().size(), tickMillis,
                Fields.event("tick").with("due", r.due()).with("handled", r.handled().size())
                        .with("notClaimed", r.notClaimed()).with("leftForNextTick", r.leftForNextTick())
                        .with("failed", r.failed()).durationMs(tickMillis));
    }
}
