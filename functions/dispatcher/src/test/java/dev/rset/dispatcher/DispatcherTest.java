package dev.rset.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.events.EventBridgePublisher;
import dev.rset.events.EventPublisher;
import dev.rset.events.EventSources;
import dev.rset.events.InputsChanged;
import dev.rset.events.ReconcileRequested;
import dev.rset.events.testing.Bus;
import dev.rset.reconciler.PairRequest;
import dev.rset.reconciler.queue.PairMessages;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The dispatcher against moto_server: events from a real bus in, FIFO messages out. */
@ExtendWith(MotoServer.class)
class DispatcherTest {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private DynamoStores stores;
    private SqsClient sqs;
    private String queueUrl;
    private Bus bus;
    private EventPublisher publisher;
    private DispatcherHandler handler;

    @BeforeEach
    void setUp(MotoServer moto) {
        DynamoDbClient db = TestTables.dynamo(moto);
        DynamoConfig config = TestTables.newTable(db, 1);
        stores = new DynamoStores(db, config, Clock.fixed(NOW, ZoneOffset.UTC));
        sqs = SqsClient.builder().region(Region.of(TestTables.REGION)).credentialsProvider(TestTables.CREDENTIALS)
                .endpointOverride(moto.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        queueUrl = sqs.createQueue(b -> b.queueName("pairs-" + UUID.randomUUID() + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")))
                .queueUrl();
        bus = Bus.create(moto);
        publisher = new EventBridgePublisher(Bus.client(moto), bus.name(), EventSources.WEBHOOK, 3,
                Duration.ofMillis(1));
        handler = new DispatcherHandler(Wiring.build(Map.of("RSET_TABLE", config.tableName(),
                "RSET_DUE_SHARDS", "1", "RSET_PAIR_QUEUE_URL", queueUrl, "AWS_REGION", TestTables.REGION,
                "RSET_AWS_ENDPOINT", moto.endpoint().toString()), TestTables.CREDENTIALS,
                Clock.fixed(NOW, ZoneOffset.UTC)));
        cluster("prod-eu", Map.of("env", "prod"));
        cluster("prod-us", Map.of("env", "prod"));
        cluster("dev", Map.of("env", "dev"));
    }

    void cluster(String name, Map<String, String> labels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "rset.dev/v1alpha1");
        m.put("kind", "Cluster");
        m.put("metadata", Map.of("name", name, "labels", labels));
        m.put("spec", Map.of("server", "https://" + name + ".example.com"));
        stores.definitions().put(new ObjectKey(Kind.CLUSTER, "", name), m, labels, 0);
    }

    void resourceSet(String name, String selector) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "fluxcd.controlplane.io/v1");
        m.put("kind", "ResourceSet");
        m.put("metadata", Map.of("name", name, "namespace", "apps", "annotations",
                Map.of("rset.dev/clusters", selector)));
        m.put("spec", Map.of("resources", List.of()));
        stores.definitions().put(new ObjectKey(Kind.RESOURCE_SET, "apps", name), m, Map.of(), 0);
    }

    /** Publishes through the real publisher and hands what the rule delivered to the handler. */
    List<String> dispatchPublished() throws Exception {
        List<String> outputs = new ArrayList<>();
        for (JsonNode envelope : bus.drain()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(envelope.toString().getBytes(StandardCharsets.UTF_8)), out,
                    null);
            outputs.add(out.toString(StandardCharsets.UTF_8));
        }
        return outputs;
    }

    record Sent(String group, PairRequest request) {
    }

    List<Sent> receiveAll() {
        List<Sent> out = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages();
            if (batch.isEmpty()) {
                return out;
            }
            for (Message m : batch) {
                out.add(new Sent(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                        PairMessages.parse(m.body())));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    @Test
    void oneRequestPerPlacedClusterAndPerClusterStillHoldingAnInventory() throws Exception {
        resourceSet("podinfo", "env=prod");
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, "apps", "podinfo");
        stores.inventories().put(new InventoryKey(key, "uid-1", "dev"), List.of(new InventoryEntry("apps_podinfo_apps_Deployment", "v1")), 0);
        publisher.inputsChanged(List.of(new InputsChanged("apps", "podinfo", List.of("prs"), "apps/github", "d-1")));

        assertEquals(List.of("{\"requests\":3}"), dispatchPublished());
        List<Sent> sent = receiveAll();
        assertEquals(List.of("apps/podinfo@dev", "apps/podinfo@prod-eu", "apps/podinfo@prod-us"),
                sent.stream().map(Sent::group).sorted().toList(), "one message group per pair");
        PairRequest first = sent.get(0).request();
        assertEquals(NOW, first.requestedAt(), "stamped by the dispatcher, after the change was written");
        assertEquals(false, first.force());
        assertEquals("InputsChanged", first.cause().split(" ")[0]);
    }

    @Test
    void aForcedReconcileOfADeletedResourceSetGoesWhereItsObjectsAre() throws Exception {
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, "apps", "gone");
        stores.inventories().put(new InventoryKey(key, "uid-1", "prod-us"), List.of(), 0);
        publisher.reconcileRequested(List.of(new ReconcileRequested("ResourceSet", "apps", "gone", true, "api")));
        dispatchPublished();
        List<Sent> sent = receiveAll();
        assertEquals(1, sent.size());
        PairRequest r = sent.get(0).request();
        assertEquals(List.of("apps", "gone", "prod-us", true), List.of(r.namespace(), r.resourceSet(), r.cluster(),
                r.force()));
        assertEquals(true, r.cause().endsWith(" by api"), r.cause());
    }

    @Test
    void aResourceSetPlacedNowhereGetsOneRequestWithoutACluster() throws Exception {
        resourceSet("lonely", "env=nowhere");
        publisher.reconcileRequested(List.of(new ReconcileRequested("ResourceSet", "apps", "lonely", false, "api")));
        dispatchPublished();
        List<Sent> sent = receiveAll();
        assertEquals(List.of("apps/lonely@"), sent.stream().map(Sent::group).toList());
        assertEquals("", sent.get(0).request().cluster());
    }

    @Test
    void identicalRequestsFromTwoEventsAreBothQueuedWhileARedispatchedEventIsNot() throws Exception {
        resourceSet("podinfo", "env=dev");
        InputsChanged e = new InputsChanged("apps", "podinfo", List.of("prs"), "apps/github", "d-1");
        publisher.inputsChanged(List.of(e));
        publisher.inputsChanged(List.of(e));
        List<JsonNode> envelopes = bus.drain();
        assertEquals(2, envelopes.size());
        for (JsonNode envelope : List.of(envelopes.get(0), envelopes.get(1), envelopes.get(0))) {
            handler.handleRequest(new ByteArrayInputStream(envelope.toString().getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), null);
        }
        // Same content, same group, same second: content-based de-duplication would keep one.
        assertEquals(2, receiveAll().size(), "both events' requests queued, the re-dispatch of the first dropped");
    }

    @Test
    void aProviderPollRequestIsNotTheDispatchersAndABadEventIsRefused() throws Exception {
        publisher.reconcileRequested(List.of(new ReconcileRequested("ResourceSetInputProvider", "apps", "prs", false,
                "Receiver apps/generic")));
        assertEquals(List.of("{\"requests\":0}"), dispatchPublished());
        assertEquals(List.of(), receiveAll());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(
                new ByteArrayInputStream("{\"id\":\"e-1\",\"source\":\"rset.api\",\"detail-type\":\"InputsChanged\",\"detail\":{}}"
                        .getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null));
        assertEquals("event not dispatched: detail.resourceSet.namespace is missing or not a string", bad.getMessage());
    }

    @Test
    void anEventIsOneLineAndOneMetricLineOfTheDispatcher() throws Exception {
        resourceSet("podinfo", "env=prod");
        publisher.inputsChanged(List.of(new InputsChanged("apps", "podinfo", List.of("prs"), "apps/github", "d-1")));
        try (dev.rset.ops.testing.CapturedTelemetry telemetry = new dev.rset.ops.testing.CapturedTelemetry()) {
            dispatchPublished();
            List<JsonNode> lines = telemetry.events("dispatch");
            assertEquals(1, lines.size(), telemetry.raw());
            assertEquals("dispatcher", lines.get(0).get("function").asText());
            assertEquals("InputsChanged", lines.get(0).get("eventType").asText());
            assertEquals(2, lines.get(0).get("requests").asInt());
            List<JsonNode> metrics = telemetry.metrics();
            assertEquals(1, metrics.size());
            assertEquals(1, metrics.get(0).get("EventsDispatched").asInt());
            assertEquals(2, metrics.get(0).get("PairRequestsSent").asInt());
            assertEquals(lines.get(0).get("requestId"), metrics.get(0).get("requestId"));
        }
    }
}
