package dev.rset.reconciler.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.rset.ops.Invocation;
import dev.rset.ops.SnapStart;
import dev.rset.ops.Telemetry;
import dev.rset.reconciler.queue.PairMessages;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The reconcile Lambda: an SQS FIFO event source with {@code ReportBatchItemFailures}. Thin: read
 * the messages, let {@link QueuedPairRunner} run them, report the ones to deliver again. A message
 * that cannot be read is reported too: after the queue's maxReceiveCount it rests in the
 * dead-letter queue, where it can be inspected.
 */
public final class ReconcileHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final System.Logger LOG = System.getLogger(ReconcileHandler.class.getName());

    /** Built once per container so that warm invocations reuse clients and cluster connections. */
    private static final class Default {
        static final QueuedPairRunner RUNNER = init();

        private static QueuedPairRunner init() {
            Telemetry.forLambda(System.getenv());
            QueuedPairRunner runner = Wiring.fromEnv(System.getenv());
            if (SnapStart.initialisingSnapshot(System.getenv())) {
                Priming.run();
            }
            return runner;
        }
    }

    /** The {@code Function} dimension of the metrics and the {@code function} field of the log lines. */
    public static final String FUNCTION = "reconciler";

    private final QueuedPairRunner runner;

    public ReconcileHandler() {
        this(Default.RUNNER);
    }

    public ReconcileHandler(QueuedPairRunner runner) {
        this.runner = runner;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (Invocation inv = Invocation.start(FUNCTION, context == null ? null : context.getAwsRequestId())) {
            return handle(event);
        }
    }

    private SQSBatchResponse handle(SQSEvent event) {
        List<QueuedRequest> batch = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            try {
                batch.add(new QueuedRequest(m.getMessageId(), PairMessages.parse(m.getBody())));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.ERROR, "message {0} is not a pair request, left for the dead-letter queue: {1}",
                        m.getMessageId(), e.getMessage());
                failed.add(m.getMessageId());
            }
        }
        if (!batch.isEmpty()) {
            failed.addAll(runner.run(batch));
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failed.stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build()).toList())
                .build();
    }
}
