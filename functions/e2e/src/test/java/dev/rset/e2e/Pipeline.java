package dev.rset.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.api.ApiHandler;
import dev.rset.dispatcher.DispatcherHandler;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.reconciler.PairRequest;
import dev.rset.reconciler.lambda.ReconcileHandler;
import dev.rset.reconciler.queue.PairMessages;
import dev.rset.stack.Template;
import dev.rset.stack.TemplateResources;
import dev.rset.store.SecretNames;
import dev.rset.store.dynamodb.TableSchema;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import dev.rset.store.testing.TestTables;
import dev.rset.webhook.WebhookHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The control plane as {@code sam deploy} makes it, on moto_server: one table, the secret
 * prefix, the bus with template.yaml's rules (an SQS queue standing in for each rule's function),
 * the FIFO pair queue with the template's attributes, and the four real handlers wired from one
 * environment as their Lambda functions wire themselves.
 *
 * <p>What AWS's Lambda service does between them is played by {@link #deliver}: it hands each
 * event a rule delivered to {@link DispatcherHandler} (an asynchronous invocation), and batches of
 * the pair queue to {@link ReconcileHandler} as an {@link SQSEvent}, deleting what the handler did
 * not report; reported messages stay in flight until {@link #returnFailed} (their visibility
 * timeout). Nothing runs in the background: when {@code deliver} returns, every run it caused has
 * finished.
 */
public final class Pipeline {
    /** A run returned to the queue by the reconcile handler (a failed pair). */
    public record Returned(String receiptHandle, PairRequest request) {
    }

    /** What one {@link #deliver} did: events dispatched, pair requests handed to the reconciler, requests returned. */
    public record Round(int events, int requests, List<PairRequest> returned) {
    }

    /** An answer of the management API: status and JSON body. */
    public record Response(int status, Map<String, Object> body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 10;
    private static final long IDLE_POLL_MILLIS = 20;

    private final SqsClient sqs;
    private final SecretsManagerSecretStore secrets;
    private final String secretPrefix;
    private final List<String> ruleQueues;
    private final String pairQueue;
    private final ApiHandler api;
    private final WebhookHandler webhook;
    private final DispatcherHandler dispatcher;
    private final ReconcileHandler reconciler;
    private final List<Returned> returned = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger reconcileInvocations = new AtomicInteger();
    private final Map<String, String> env;

    private Pipeline(SqsClient sqs, SecretsManagerSecretStore secrets, String secretPrefix, List<String> ruleQueues,
            String pairQueue, Map<String, String> env) {
        this.sqs = sqs;
        this.secrets = secrets;
        this.secretPrefix = secretPrefix;
        this.ruleQueues = ruleQueues;
        this.pairQueue = pairQueue;
        this.env = Map.copyOf(env);
        Clock clock = Clock.systemUTC();
        this.api = new ApiHandler(ApiHandler.router(env, java.util.Optional.of(TestTables.CREDENTIALS)));
        this.webhook = new WebhookHandler(dev.rset.webhook.Wiring.build(env, TestTables.CREDENTIALS, clock,
                UnaryOperator.identity()), clock);
        this.dispatcher = new DispatcherHandler(dev.rset.dispatcher.Wiring.build(env, TestTables.CREDENTIALS, clock));
        this.reconciler = new ReconcileHandler(dev.rset.reconciler.lambda.Wiring.build(env, TestTables.CREDENTIALS,
                clock));
    }

    /** A fresh stack (table, prefix, bus, queues) on the moto_server at {@code endpoint}. */
    public static Pipeline create(URI endpoint) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        DynamoDbClient db = DynamoDbClient.builder().region(Region.of(TestTables.REGION))
                .credentialsProvider(TestTables.CREDENTIALS).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String table = "rset-e2e-" + id;
        TableSchema.create(db, table);
        SqsClient sqs = SqsClient.builder().region(Region.of(TestTables.REGION))
                .credentialsProvider(TestTables.CREDENTIALS).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        EventBridgeClient events = EventBridgeClient.builder().region(Region.of(TestTables.REGION))
                .credentialsProvider(TestTables.CREDENTIALS).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String bus = "rset-e2e-" + id;
        events.createEventBus(b -> b.name(bus));
        Template template = Template.load();
        Map<String, String> rules = TemplateResources.rulesToQueues(template, events, sqs, bus);
        String pairQueue = TemplateResources.queue(template, sqs, "PairQueue", "rset-e2e-pairs-" + id);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", TestTables.REGION);
        env.put("RSET_AWS_ENDPOINT", endpoint.toString());
        env.put("RSET_TABLE", table);
        env.put("RSET_EVENT_BUS", bus);
        env.put("RSET_PAIR_QUEUE_URL", pairQueue);
        String prefix = "rset-e2e-" + id;
        env.put("RSET_SECRET_PREFIX", prefix);
        env.put("RSET_ALLOW_LOOPBACK_CLUSTERS", "true");
        SecretsManagerSecretStore secrets = new SecretsManagerSecretStore(
                software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                        .region(Region.of(TestTables.REGION)).credentialsProvider(TestTables.CREDENTIALS)
                        .endpointOverride(endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
        return new Pipeline(sqs, secrets, prefix, List.copyOf(rules.values()), pairQueue, env);
    }

    /** The functions' environment: table, bus, queue, endpoint (for a harness that writes or publishes itself). */
    public Map<String, String> environment() {
        return env;
    }

    /** Stores a Receiver's token where the control plane reads it ({@code <prefix>/receivers/<ns>/<name>}). */
    /** A secret a provider or a notification reads ({@code secretRef}), where the functions look for it. */
    public void secret(String namespace, String secretName, String value) {
        secrets.put(new SecretNames(secretPrefix).providerSecret(namespace, secretName).name(), value, "e2e secret");
    }

    public void receiverToken(String namespace, String secretName, String token) {
        secrets.put(new SecretNames(secretPrefix).receiverToken(namespace, secretName).name(), token,
                "e2e receiver token");
    }

    // ---- the management API ----

    public Response api(String method, String path, String body) {
        APIGatewayV2HTTPEvent e = APIGatewayV2HTTPEvent.builder().withRawPath(path).withRouteKey("ANY /v1/{proxy+}")
                .withHeaders(Map.of("content-type", "application/yaml")).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withPath(path).build()).build())
                .build();
        APIGatewayV2HTTPResponse r = api.handleRequest(e, null);
        return new Response(r.getStatusCode(), json(r.getBody()));
    }

    /** {@code POST /v1/apply}; anything but 200 is an error naming the answer. */
    public Map<String, Object> apply(String yaml) {
        return ok(api("POST", "/v1/apply", yaml));
    }

    public Map<String, Object> get(String path) {
        return ok(api("GET", path, null));
    }

    public Map<String, Object> post(String path) {
        return ok(api("POST", path, ""));
    }

    private static Map<String, Object> ok(Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException("management API answered " + r.status() + ": " + r.body());
        }
        return r.body();
    }

    /**
     * Registers a Cluster as {@code rset clusters register} does: applies it with its kubeconfig
     * inline (the API moves it to Secrets Manager), then {@code POST /v1/clusters/NAME/check};
     * returns the Cluster's {@code Ready} condition.
     */
    public Map<String, Object> register(String name, URI server, String kubeconfig, Map<String, String> labels) {
        StringBuilder yaml = new StringBuilder("apiVersion: rset.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: ")
                .append(name).append("\n  labels:\n");
        labels.forEach((k, v) -> yaml.append("    ").append(k).append(": \"").append(v).append("\"\n"));
        yaml.append("spec:\n  server: ").append(server).append("\n  auth:\n    kubeconfig:\n      value: |\n")
                .append(kubeconfig.indent(8));
        apply(yaml.toString());
        Map<String, Object> checked = post("/v1/clusters/" + name + "/check");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) ((Map<String, Object>) checked
                .get("status")).get("conditions");
        return conditions.stream().filter(c -> "Ready".equals(c.get("type"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Cluster " + name + " has no Ready condition: " + checked));
    }

    // ---- the forge's side ----

    /** Posts a delivery to {@code /hook/<digest>} as API Gateway would; returns the HTTP status. */
    public int hook(String digest, SignedRequest r) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        APIGatewayV2HTTPEvent e = APIGatewayV2HTTPEvent.builder().withRawPath("/hook/" + digest)
                .withRouteKey("POST /hook/{digest}").withPathParameters(Map.of("digest", digest))
                .withHeaders(headers).withBody(r.bodyText()).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath("/hook/" + digest).build()).build())
                .build();
        return webhook.handleRequest(e, null).getStatusCode();
    }

    // ---- what the Lambda service does ----

    /** {@link #deliver(int)} with one invocation at a time. */
    public Round deliver() {
        return deliver(1);
    }

    /**
     * Hands every event the rules delivered to the dispatcher and every visible pair request to the
     * reconciler, {@code concurrency} invocations at a time, until no queue has anything visible and
     * no invocation is going. Runs of one pair never overlap: the FIFO queue hands out a group's
     * messages only when none of it is in flight.
     */
    public Round deliver(int concurrency) {
        AtomicInteger events = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        AtomicLong finished = new AtomicLong();
        List<Returned> before = List.copyOf(returned);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    while (true) {
                        long seen = finished.get();
                        busy.incrementAndGet();
                        int did;
                        try {
                            int e = dispatchOnce();
                            int r = reconcileOnce();
                            events.addAndGet(e);
                            requests.addAndGet(r);
                            did = e + r;
                        } finally {
                            busy.decrementAndGet();
                        }
                        if (did > 0) {
                            finished.incrementAndGet();
                        } else if (busy.get() == 0 && finished.get() == seen) {
                            return null;
                        } else {
                            // Others are still running and may queue more: poll again shortly, as Lambda's poller does.
                            Thread.sleep(IDLE_POLL_MILLIS);
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("an invocation failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<PairRequest> newlyReturned = returned.stream().filter(r -> !before.contains(r))
                .map(Returned::request).toList();
        return new Round(events.get(), requests.get(), newlyReturned);
    }

    /** How many batches were handed to the reconcile handler so far (its invocations). */
    public int reconcileInvocations() {
        return reconcileInvocations.get();
    }

    /** The returned requests become visible again, as when their visibility timeout ends. */
    public void returnFailed() {
        List<Returned> all;
        synchronized (returned) {
            all = List.copyOf(returned);
            returned.clear();
        }
        for (Returned r : all) {
            sqs.changeMessageVisibility(b -> b.queueUrl(pairQueue).receiptHandle(r.receiptHandle())
                    .visibilityTimeout(0));
        }
    }

    /** One batch of one rule's queue, each event an asynchronous invocation of the dispatcher. */
    private int dispatchOnce() {
        int n = 0;
        for (String queue : ruleQueues) {
            for (Message m : receive(queue)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    dispatcher.handleRequest(new ByteArrayInputStream(m.body().getBytes(StandardCharsets.UTF_8)), out,
                            null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
                n++;
            }
        }
        return n;
    }

    /** One batch of the pair queue through the reconcile handler, with partial batch failures. */
    private int reconcileOnce() {
        List<Message> batch = receive(pairQueue);
        if (batch.isEmpty()) {
            return 0;
        }
        reconcileInvocations.incrementAndGet();
        SQSEvent event = new SQSEvent();
        event.setRecords(batch.stream().map(Pipeline::record).toList());
        SQSBatchResponse response = reconciler.handleRequest(event, null);
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        for (Message m : batch) {
            if (failed.contains(m.messageId())) {
                returned.add(new Returned(m.receiptHandle(), PairMessages.parse(m.body())));
            } else {
                sqs.deleteMessage(b -> b.queueUrl(pairQueue).receiptHandle(m.receiptHandle()));
            }
        }
        return batch.size();
    }

    private List<Message> receive(String queue) {
        return sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(BATCH).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    private static SQSEvent.SQSMessage record(Message m) {
        SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
        r.setMessageId(m.messageId());
        r.setReceiptHandle(m.receiptHandle());
        r.setBody(m.body());
        r.setEventSource("aws:sqs");
        Map<String, String> attributes = new LinkedHashMap<>();
        m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
        r.setAttributes(attributes);
        return r;
    }

    private static Map<String, Object> json(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
