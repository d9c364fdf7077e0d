package dev.rset.dispatcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.events.EventCodec;
import dev.rset.events.MalformedEventException;
import dev.rset.ops.Fields;
import dev.rset.ops.Invocation;
import dev.rset.ops.Metrics;
import dev.rset.ops.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * The dispatcher Lambda, target of the EventBridge rules for InputsChanged and ReconcileRequested
 * (asynchronous invocation). Thin: read the event, let {@link Dispatcher} send the pair requests.
 * A failure is thrown, so that Lambda invokes again (twice) and then leaves the event in the
 * dispatcher's dead-letter queue; a re-dispatched event's requests carry the same
 * de-duplication ids, so the queue drops those it already has.
 */
public final class DispatcherHandler implements RequestStreamHandler {
    private static final System.Logger LOG = System.getLogger(DispatcherHandler.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final class Default {
        static final Dispatcher DISPATCHER = init();

        private static Dispatcher init() {
            Telemetry.forLambda(System.getenv());
            return Wiring.fromEnv(System.getenv());
        }
    }

    /** The {@code Function} dimension of the metrics and the {@code function} field of the log lines. */
    public static final String FUNCTION = "dispatcher";

    private final Dispatcher dispatcher;

    public DispatcherHandler() {
        this(Default.DISPATCHER);
    }

    public DispatcherHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int sent;
        try (Invocation inv = Invocation.start(FUNCTION, context == null ? null : context.getAwsRequestId())) {
            EventCodec.Received event;
            try {
                event = EventCodec.parse(JSON.readTree(input));
            } catch (MalformedEventException | IOException e) {
                Metrics.count("DispatchFailures");
                LOG.log(Level.ERROR, "event not dispatched: {0}", e.getMessage(), Fields.event("dispatch")
                        .outcome("Malformed"));
                throw new IllegalArgumentException("event not dispatched: " + e.getMessage());
            }
            sent = dispatcher.dispatch(event).size();
            Metrics.count("EventsDispatched");
            Metrics.count("PairRequestsSent", sent);
            String type = event.event().detailType();
            LOG.log(Level.INFO, "{0} {1} dispatched: {2} pair request(s) in {3} ms", type, event.id(), sent,
                    inv.elapsedMillis(), Fields.event("dispatch").with("eventType", type).with("eventId", event.id())
                            .with("requests", sent).outcome("Dispatched")
                            .durationMs(inv.elapsedMillis()));
        }
        output.write(("{\"requests\":" + sent + "}").getBytes(StandardCharsets.UTF_8));
    }
}
