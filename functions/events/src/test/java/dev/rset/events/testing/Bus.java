package dev.rset.events.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.events.EventSources;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A custom EventBridge bus on moto_server with a rule whose event pattern matches this
 * function's events and an SQS queue as its target: what the reconciler's rule would receive is
 * read back from the queue.
 */
public final class Bus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeClient events;
    private final SqsClient sqs;
    private final String name;
    private final String queueUrl;

    private Bus(EventBridgeClient events, SqsClient sqs, String name, String queueUrl) {
        this.events = events;
        this.sqs = sqs;
        this.name = name;
        this.queueUrl = queueUrl;
    }

    public static EventBridgeClient client(MotoServer moto) {
        return EventBridgeClient.builder().region(Region.of(TestTables.REGION))
                .credentialsProvider(TestTables.CREDENTIALS).endpointOverride(moto.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static Bus create(MotoServer moto) {
        EventBridgeClient events = client(moto);
        SqsClient sqs = SqsClient.builder().region(Region.of(TestTables.REGION))
                .credentialsProvider(TestTables.CREDENTIALS).endpointOverride(moto.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String name = "rset-" + UUID.randomUUID();
        events.createEventBus(b -> b.name(name));
        String queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        events.putRule(b -> b.name("to-reconciler").eventBusName(name)
                .eventPattern("{\"source\":[\"" + String.join("\",\"", EventSources.ALL)
                        + "\"],\"detail-type\":[\"InputsChanged\",\"ReconcileRequested\"]}"));
        events.putTargets(b -> b.rule("to-reconciler").eventBusName(name)
                .targets(t -> t.id("queue").arn(arn)));
        return new Bus(events, sqs, name, queueUrl);
    }

    public String name() {
        return name;
    }

    /** Every event delivered to the queue so far (removed from it), as EventBridge envelopes. */
    public List<JsonNode> drain() {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                return out;
            }
            for (Message m : batch) {
                try {
                    out.add(JSON.readTree(m.body()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }
}
