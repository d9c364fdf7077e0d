import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reconcile function: {@code ReconcilerStart N} gets one SQS message, the pair request of the
 * placed ResourceSet on the registered cluster (a real kube-apiserver of the test clusters):
 * render, server-side apply, inventory, status.
 */
public final class ReconcilerStart {
    static final String HANDLER = "dev.rset.reconciler.lambda.ReconcileHandler";

    public static void main(String[] args) throws Exception {
        @SuppressWarnings("unchecked")
        RequestHandler<SQSEvent, SQSBatchResponse> h = Start.handler(HANDLER, RequestHandler.class);
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(UUID.randomUUID().toString());
        m.setReceiptHandle("lambda-start");
        m.setEventSource("aws:sqs");
        m.setAttributes(Map.of("ApproximateReceiveCount", "1", "MessageGroupId", "apps/" + Start.PLACED + "/bench"));
        m.setBody("""
                {"namespace":"apps","resourceSet":"%s","cluster":"bench","force":false,"requestedAt":"%s",
                 "cause":"lambda-start-%s"}""".formatted(Start.PLACED, Instant.now(), args[0]));
        SQSEvent e = new SQSEvent();
        e.setRecords(List.of(m));
        SQSBatchResponse r = h.handleRequest(e, Start.context("reconciler"));
        Start.require(r.getBatchItemFailures().isEmpty(), "reconciler reported failures: " + r.getBatchItemFailures()
                + " (see stderr)");
        Start.report("reconciler", "1 message, 0 failures");
    }
}
