package dev.rset.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
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
        static final Tick TICK = Wiring.fromEnv(System.getenv());
    }

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
        TickReport r = tick.run(clock.instant(), context::getRemainingTimeInMillis);
        output.write(("{\"due\":" + r.due() + ",\"handled\":" + r.handled().size() + ",\"notClaimed\":" + r.notClaimed()
                + ",\"leftForNextTick\":" + r.leftForNextTick() + ",\"failed\":" + r.failed() + "}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
