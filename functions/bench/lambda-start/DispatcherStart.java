import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The dispatcher function: {@code DispatcherStart N} gets one ReconcileRequested event as an
 * EventBridge rule delivers it (the envelope's JSON on the stream) and sends the ResourceSet's
 * pair request for the registered cluster to the FIFO queue.
 */
public final class DispatcherStart {
    static final String HANDLER = "dev.rset.dispatcher.DispatcherHandler";

    public static void main(String[] args) throws Exception {
        RequestStreamHandler h = Start.handler(HANDLER, RequestStreamHandler.class);
        String event = """
                {"version":"0","id":"%s","detail-type":"ReconcileRequested","source":"rset.api",
                 "account":"123456789012","time":"2026-11-27T10:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"kind":"ResourceSet","namespace":"apps","name":"%s","force":false,
                 "requestedBy":"lambda-start"}}""".formatted(UUID.randomUUID(), Start.PLACED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                Start.context("dispatcher"));
        String answer = out.toString(StandardCharsets.UTF_8);
        Start.require(answer.equals("{\"requests\":1}"), "dispatcher answered " + answer);
        Start.report("dispatcher", answer);
    }
}
