package dev.rset.reconciler.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.rset.reconciler.PairReconciler;
import dev.rset.reconciler.PairRequest;
import dev.rset.reconciler.queue.PairMessages;
import dev.rset.store.dynamodb.DynamoPairRunStore;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The reconcile handler over a FIFO queue with a dead-letter queue on moto_server and run records
 * in DynamoDB (moto). The test plays the Lambda poller: receive a batch, invoke, delete what was
 * not reported, and make the reported messages visible again as the visibility timeout would.
 *
 * <p>The {@link PairReconciler} here is a test implementation: it is the port boundary of this
 * handler, and batching, coalescing and partial failures are the handler's behaviour, not the
 * reconciler's (which is tested against real API servers in its own module).
 */
@ExtendWith(MotoServer.class)
class ReconcileHandlerTest {
    static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    static final int MAX_RECEIVES = 3;

    private SqsClient sqs;
    private String queueUrl;
    private String dlqUrl;
    private DynamoPairRunStore runs;
    private final StepClock clock = new StepClock(T0);
    private final List<PairRequest> ran = Collections.synchronizedList(new ArrayList<>());
    private Function<PairRequest, PairReconciler.Outcome> behaviour = r -> ok();
    private ReconcileHandler handler;

    static PairReconciler.Outcome ok() {
        return new PairReconciler.Outcome("True", "ReconciliationSucceeded", "applied", false);
    }

    /** A clock the test moves; each reading moves it on by one millisecond, like time does. */
    static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant start) {
            now = start;
        }

        synchronized void set(Instant t) {
            now = t;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusMillis(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void setUp(MotoServer moto) {
        DynamoDbClient db = TestTables.dynamo(moto);
        runs = new DynamoPairRunStore(db, TestTables.newTable(db, 1));
        sqs = SqsClient.builder().region(Region.of(TestTables.REGION)).credentialsProvider(TestTables.CREDENTIALS)
                .endpointOverride(moto.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String name = "pairs-" + UUID.randomUUID();
        dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq.fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(b -> b.queueName(name + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                        + MAX_RECEIVES + "\"}"))).queueUrl();
        PairReconciler reconciler = r -> {
            ran.add(r);
            return behaviour.apply(r);
        };
        handler = new ReconcileHandler(new QueuedPairRunner(runs, reconciler, clock, Duration.ofSeconds(1)));
    }

    void send(String cluster, Instant requestedAt, boolean force, String cause) {
        PairRequest r = new PairRequest("apps", "podinfo", cluster, force, requestedAt, cause);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(PairMessages.body(r))
                .messageGroupId(PairMessages.groupId(r)).messageDeduplicationId(PairMessages.deduplicationId(r)));
    }

    /** One poll: receive up to 10, invoke, delete the acknowledged, release the reported. Returns the reported ids. */
    Set<String> poll() {
        List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
        SQSEvent event = new SQSEvent();
        event.setRecords(batch.stream().map(m -> {
            SQSEvent.SQSMessage s = new SQSEvent.SQSMessage();
            s.setMessageId(m.messageId());
            s.setBody(m.body());
            return s;
        }).toList());
        SQSBatchResponse response = handler.handleRequest(event, null);
        Set<String> failed = new java.util.HashSet<>();
        response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
        for (Message m : batch) {
            if (failed.contains(m.messageId())) {
                sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())
                        .visibilityTimeout(0));
            } else {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return failed;
    }

    int queued(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    @Test
    void requestsOfOnePairInABatchBecomeOneRunWithTheLatestTimeAndEveryCause() {
        send("prod-eu", T0.minusSeconds(30), false, "InputsChanged e-1");
        send("prod-eu", T0.minusSeconds(20), true, "ReconcileRequested e-2 by api");
        send("prod-eu", T0.minusSeconds(10), false, "InputsChanged e-3");
        assertEquals(Set.of(), poll());
        assertEquals(List.of(new PairRequest("apps", "podinfo", "prod-eu", true, T0.minusSeconds(10),
                "InputsChanged e-1, ReconcileRequested e-2 by api, InputsChanged e-3")), ran);
        assertEquals(0, queued(queueUrl));
    }

    @Test
    void aRequestMadeBeforeTheLastFinishedRunStartedIsCoveredAndOneMadeDuringARunGetsOneMoreRun() {
        // The run of the first request: while it goes, two more requests are queued.
        send("prod-eu", T0.minusSeconds(60), false, "e-1");
        behaviour = r -> {
            if (r.cause().equals("e-1")) {
                Instant during = clock.instant();
                send("prod-eu", during, false, "e-during-1");
                send("prod-eu", during.plusMillis(5), false, "e-during-2");
            }
            return ok();
        };
        poll();
        clock.set(T0.plusSeconds(60));
        poll();
        assertEquals(List.of("e-1", "e-during-1, e-during-2"), ran.stream().map(PairRequest::cause).toList(),
                "both requests made during the run came back as one more run, none was lost");

        // A late delivery of a request made long before the last run started is covered by it.
        send("prod-eu", T0.minusSeconds(120), false, "e-late");
        assertEquals(Set.of(), poll());
        assertEquals(2, ran.size(), "no run for a covered request");
        // A forced one is not: the ordinary run may have skipped the delivery window.
        send("prod-eu", T0.minusSeconds(120), true, "e-late-forced");
        poll();
        assertEquals("e-late-forced", ran.get(2).cause());
    }

    @Test
    void aFailingPairComesBackUntilTheDeadLetterQueueWhileOtherPairsAreDone() {
        behaviour = r -> {
            if (r.cluster().equals("dead")) {
                throw new IllegalStateException("connect timed out");
            }
            return r.cluster().equals("busy") ? new PairReconciler.Outcome("Unknown", "Progressing", "locked", true)
                    : ok();
        };
        send("dead", T0, false, "e-1");
        send("dead", T0, false, "e-2");
        send("busy", T0, false, "e-3");
        send("prod-eu", T0, false, "e-4");
        Set<String> failed = poll();
        assertEquals(3, failed.size(), "both of the dead pair's messages and the busy one's come back");
        assertEquals(Set.of("dead", "busy", "prod-eu"), Set.copyOf(ran.stream().map(PairRequest::cluster).toList()));
        assertEquals(3, queued(queueUrl));

        behaviour = r -> r.cluster().equals("dead") ? fail() : ok();
        for (int receive = 2; receive <= MAX_RECEIVES; receive++) {
            clock.set(T0.plusSeconds(60L * receive));
            poll();
        }
        assertEquals(0, sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages().size(),
                "after " + MAX_RECEIVES + " receives the dead pair's messages left the queue");
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10)).messages();
        assertEquals(List.of("e-1", "e-2"), dead.stream().map(m -> PairMessages.parse(m.body()).cause()).toList(),
                "in the dead-letter queue, in order, readable");
    }

    static PairReconciler.Outcome fail() {
        throw new IllegalStateException("connect timed out");
    }

    @Test
    void aPairWaitingOnItsClusterDoesNotHoldUpAnotherPairOfTheBatch() {
        CountDownLatch otherRan = new CountDownLatch(1);
        behaviour = r -> {
            if (r.cluster().equals("slow")) {
                try {
                    // Sequential runs would wait here for the other pair for ever (bounded by the timeout).
                    assertTrue(otherRan.await(30, TimeUnit.SECONDS), "the other pair ran meanwhile");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            } else {
                otherRan.countDown();
            }
            return ok();
        };
        send("slow", T0, false, "e-1");
        send("fast", T0, false, "e-2");
        assertEquals(Set.of(), poll());
        assertEquals(2, ran.size());
    }

    @Test
    void aMessageThatIsNotAPairRequestIsReportedAndTheRestRun() {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"namespace\":\"apps\"}").messageGroupId("junk")
                .messageDeduplicationId("junk-1"));
        send("prod-eu", T0, false, "e-1");
        assertEquals(1, poll().size());
        assertEquals(1, ran.size());
    }

    @Test
    void eachRunIsOneLineOnTheInvocationsRequestIdAndTheBatchOneMetricLine() {
        behaviour = r -> switch (r.cluster()) {
            case "dead" -> fail();
            case "broken" -> new PairReconciler.Outcome("False", "BuildFailed", "template error", false);
            default -> ok();
        };
        send("dead", T0, false, "e-1");
        send("broken", T0, false, "e-2");
        send("prod-eu", T0, false, "e-3");
        try (dev.rset.ops.testing.CapturedTelemetry telemetry = new dev.rset.ops.testing.CapturedTelemetry()) {
            assertEquals(1, poll().size());
            var runs = telemetry.events("reconcile");
            assertEquals(3, runs.size(), telemetry.raw());
            assertEquals(1, runs.stream().map(l -> l.get("requestId").asText()).distinct().count(),
                    "pairs run on pool threads, as part of the one invocation");
            var byCluster = new java.util.HashMap<String, com.fasterxml.jackson.databind.JsonNode>();
            runs.forEach(l -> byCluster.put(l.get("cluster").asText(), l));
            assertEquals("apps/ResourceSet/podinfo", byCluster.get("prod-eu").get("object").asText());
            assertEquals("ReconciliationSucceeded", byCluster.get("prod-eu").get("outcome").asText());
            assertEquals("INFO", byCluster.get("prod-eu").get("level").asText());
            assertTrue(byCluster.get("prod-eu").get("durationMs").isIntegralNumber());
            assertEquals("e-3", byCluster.get("prod-eu").get("cause").asText());
            assertEquals("BuildFailed", byCluster.get("broken").get("outcome").asText());
            assertEquals("WARN", byCluster.get("broken").get("level").asText());
            assertEquals("Error", byCluster.get("dead").get("outcome").asText());
            assertEquals("ERROR", byCluster.get("dead").get("level").asText());

            var metrics = telemetry.metrics();
            assertEquals(1, metrics.size());
            var m = metrics.get(0);
            assertEquals("reconciler", m.get("Function").asText());
            assertEquals(runs.get(0).get("requestId").asText(), m.get("requestId").asText());
            assertEquals(3, m.get("ReconcileRuns").asInt());
            assertEquals(2, m.get("ReconcileFailures").asInt());
            assertEquals(2, m.get("ReconcileDuration").size(), "a run that threw has no duration");
        }
    }
}
