package dev.rset.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.api.ApiHandler;
import dev.rset.events.ControlPlaneEvent;
import dev.rset.events.EventBridgePublisher;
import dev.rset.events.EventCodec;
import dev.rset.events.EventSources;
import dev.rset.events.InputsChanged;
import dev.rset.events.ReconcileRequested;
import dev.rset.store.SecretNames;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** template.yaml against the code: what `sam deploy` creates must be what the handlers expect. */
@ExtendWith(MotoServer.class)
class StackContractTest {
    static final String FUNCTION = "AWS::Serverless::Function";
    /**
     * Set by Lambda itself: the region, the role's credentials (keys on an ordinary start, the
     * container endpoint in a function restored from a SnapStart snapshot), the kind of init.
     */
    static final Set<String> LAMBDA_SETS = Set.of("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            "AWS_LAMBDA_INITIALIZATION_TYPE");
    /** Endpoints of local emulators (tests, rset dev); never set in the deployed stack. */
    static final Set<String> LOCAL_ONLY = Set.of("RSET_AWS_ENDPOINT", "RSET_DYNAMODB_ENDPOINT", "RSET_SECRETS_ENDPOINT",
            "RSET_STS_ENDPOINT");
    static final ObjectMapper JSON = new ObjectMapper();

    /** How each function's handler wires itself from the environment (what its default constructor calls). */
    static final Map<String, Consumer<Map<String, String>>> WIRINGS = Map.of(
            "ApiFunction", env -> ApiHandler.router(env, Optional.of(TestTables.CREDENTIALS)),
            "WebhookFunction", env -> dev.rset.webhook.Wiring.build(env, TestTables.CREDENTIALS, Clock.systemUTC(),
                    UnaryOperator.identity()),
            "DispatcherFunction", env -> dev.rset.dispatcher.Wiring.build(env, TestTables.CREDENTIALS,
                    Clock.systemUTC()),
            "SchedulerFunction", env -> dev.rset.scheduler.Wiring.build(env, TestTables.CREDENTIALS,
                    Clock.systemUTC()),
            "ReconcilerFunction", env -> {
                try {
                    dev.rset.reconciler.lambda.Wiring.fromEnv(env);
                } catch (IllegalStateException e) {
                    // Until the reconciler branch is wired in (Wiring.pairReconciler), only its own reads are seen.
                    assertTrue(e.getMessage().contains("is not wired yet"), e.getMessage());
                }
            });

    final Template template = Template.load();

    @Test
    void everyHandlerIsALambdaHandlerInsideTheJarItsBuildTargetCopies() throws Exception {
        Map<String, Map<String, Object>> functions = template.resources(FUNCTION);
        assertEquals(new TreeSet<>(WIRINGS.keySet()), functions.keySet(), "every function has a wiring check below");
        String makefile = Files.readString(Template.root().resolve("Makefile"));
        for (var f : functions.entrySet()) {
            String[] handler = ((String) f.getValue().get("Handler")).split("::");
            Class<?> type = Class.forName(handler[0]);
            assertTrue(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type),
                    f.getKey() + ": " + type + " implements no Lambda handler interface");
            assertTrue(List.of(type.getMethods()).stream().map(Method::getName).anyMatch(handler[1]::equals),
                    f.getKey() + ": no method " + handler[1]);
            type.getConstructor(); // Lambda instantiates it with no arguments

            assertEquals("makefile", Template.map(template.resource(f.getKey()), "Metadata").get("BuildMethod"));
            String target = "build-" + f.getKey() + ":";
            int at = makefile.indexOf(target);
            assertTrue(at >= 0, "Makefile has no target " + target);
            String recipe = makefile.substring(at + target.length()).split("\n\n")[0];
            String jar = recipe.replaceAll("(?s).*\\$\\(JARS\\)/([^)]+\\.jar).*", "functions/$1");
            Path built = Template.root().resolve(jar);
            assertTrue(Files.isRegularFile(built), built + " (package runs before these tests)");
            try (ZipFile zip = new ZipFile(built.toFile())) {
                assertTrue(zip.getEntry(handler[0].replace('.', '/') + ".class") != null,
                        f.getKey() + ": " + jar + " lacks " + handler[0]);
            }
        }
    }

    @Test
    void everyEnvironmentVariableAWiringReadsIsSetForItsFunction() {
        Map<String, String> values = Map.of("RSET_TABLE", "rset-table", "RSET_EVENT_BUS", "rset-bus",
                "RSET_PAIR_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/pairs.fifo",
                "RSET_DUE_SHARDS", "4", "RSET_SECRET_PREFIX", "rset", "RSET_CLOCK_MARGIN_MS", "1000",
                "RSET_TICK_MAX_ITEMS", "100", "AWS_REGION", TestTables.REGION);
        Map<String, Set<String>> missing = new TreeMap<>();
        for (var w : WIRINGS.entrySet()) {
            RecordingEnv env = new RecordingEnv(values);
            w.getValue().accept(env);
            assertTrue(env.read.contains("RSET_TABLE"), w.getKey() + ": the recording saw its reads");
            Set<String> needed = new TreeSet<>(env.read);
            needed.removeAll(LAMBDA_SETS);
            needed.removeAll(LOCAL_ONLY);
            needed.removeAll(template.environment(w.getKey()).keySet());
            if (!needed.isEmpty()) {
                missing.put(w.getKey(), needed);
            }
        }
        assertEquals(Map.of(), missing, "variables read by the wiring but not set in template.yaml");
        assertEquals(Map.of("Ref", "PairQueue"), template.environment("DispatcherFunction").get("RSET_PAIR_QUEUE_URL"));
        for (String publisher : List.of("ApiFunction", "WebhookFunction", "SchedulerFunction")) {
            assertEquals(Map.of("Ref", "ControlPlaneBus"), template.environment(publisher).get("RSET_EVENT_BUS"));
            assertTrue(template.resource(publisher).toString().contains("Action=[events:PutEvents], "
                    + "Resource={Fn::GetAtt=ControlPlaneBus.Arn}"), publisher + " may publish to the bus");
        }
    }

    @Test
    void theSchedulerTicksEveryMinuteAndItsClaimsOutliveItsInvocations() {
        Map<String, Object> props = Template.map(template.resource("SchedulerFunction"), "Properties");
        Map<String, Object> tick = Template.map(props, "Events", "Tick");
        assertEquals("Schedule", tick.get("Type"));
        assertEquals("rate(1 minute)", Template.map(tick, "Properties").get("Schedule"));
        int timeout = (Integer) props.get("Timeout");
        assertTrue(Duration.ofSeconds(timeout).compareTo(dev.rset.scheduler.Tick.Limits.DEFAULT.lease()) < 0,
                "a claim must hold longer than the tick that made it can run");
        assertTrue(Duration.ofSeconds(timeout).compareTo(dev.rset.scheduler.Tick.Limits.DEFAULT.reserve()) > 0,
                "the tick keeps back part of its time, not all of it");
        for (String writer : List.of("SchedulerFunction", "WebhookFunction", "ReconcilerFunction")) {
            String resource = template.resource(writer).toString();
            assertTrue(resource.contains("DUEAT#*") && resource.contains("DUEHOURS"),
                    writer + " writes schedule items, so it must write their due-wheel hints and hour index");
        }
    }

    @Test
    void thePairQueueIsFifoWithoutContentDeduplicationAndFeedsTheReconcilerWithPartialFailures() {
        Map<String, Object> queue = Template.map(template.resource("PairQueue"), "Properties");
        assertEquals(true, queue.get("FifoQueue"));
        assertEquals(false, queue.get("ContentBasedDeduplication"), "a request equal to an earlier one must not be dropped");
        assertEquals(Map.of("Fn::GetAtt", "PairDeadLetterQueue.Arn"), Template.map(queue, "RedrivePolicy")
                .get("deadLetterTargetArn"));
        Map<String, Object> source = Template.map(template.resource("ReconcilerFunction"), "Properties", "Events",
                "Pairs", "Properties");
        assertEquals(Map.of("Fn::GetAtt", "PairQueue.Arn"), source.get("Queue"));
        assertEquals(List.of("ReportBatchItemFailures"), source.get("FunctionResponseTypes"));
        int timeout = (Integer) Template.map(template.resource("ReconcilerFunction"), "Properties").get("Timeout");
        assertTrue((Integer) queue.get("VisibilityTimeout") >= timeout,
                "a message must not be handed out again while its run can still be going");
    }

    @Test
    void theRulesPatternsMatchExactlyTheEventsTheCodePublishesForTheDispatcher(MotoServer moto) throws IOException {
        EventBridgeClient events = EventBridgeClient.builder().region(Region.of(TestTables.REGION))
                .credentialsProvider(TestTables.CREDENTIALS).endpointOverride(moto.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        SqsClient sqs = SqsClient.builder().region(Region.of(TestTables.REGION))
                .credentialsProvider(TestTables.CREDENTIALS).endpointOverride(moto.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String bus = "stack-" + UUID.randomUUID();
        events.createEventBus(b -> b.name(bus));

        // Every rule of the template, with an SQS queue standing in for its target.
        Map<String, String> queueOfRule = TemplateResources.rulesToQueues(template, events, sqs, bus);
        assertEquals(Set.of("DispatcherFunction-InputsChanged", "DispatcherFunction-ReconcileRequested"),
                queueOfRule.keySet());

        // Real events through the code's publisher, from each source the code has.
        InputsChanged fromWebhook = new InputsChanged("apps", "previews", List.of("prs"), "apps/github", "d-1");
        ReconcileRequested poll = new ReconcileRequested("ResourceSetInputProvider", "apps", "prs", false,
                "Receiver apps/generic");
        ReconcileRequested fromApi = new ReconcileRequested("ResourceSet", "apps", "podinfo", true, "api");
        ReconcileRequested due = new ReconcileRequested("ResourceSet", "apps", "nightly", false, "scheduler");
        for (String source : EventSources.ALL) {
            EventBridgePublisher publisher = new EventBridgePublisher(events, bus, source, 3, Duration.ofMillis(1));
            switch (source) {
                case EventSources.WEBHOOK -> {
                    publisher.inputsChanged(List.of(fromWebhook));
                    publisher.reconcileRequested(List.of(poll));
                }
                case EventSources.API -> publisher.reconcileRequested(List.of(fromApi, poll));
                default -> publisher.reconcileRequested(List.of(due));
            }
        }

        // Compared as sets: a standard queue does not promise order.
        Map<String, Set<ControlPlaneEvent>> delivered = new TreeMap<>();
        queueOfRule.forEach((rule, url) -> {
            Set<ControlPlaneEvent> got = new java.util.HashSet<>();
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()) {
                try {
                    got.add(EventCodec.parse(JSON.readTree(m.body())).event());
                } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            delivered.put(rule, got);
        });
        Map<String, Set<ControlPlaneEvent>> expected = new HashMap<>();
        expected.put("DispatcherFunction-InputsChanged", Set.of(fromWebhook));
        expected.put("DispatcherFunction-ReconcileRequested", Set.of(fromApi, due));
        assertEquals(expected, delivered, "a provider's poll request is not the dispatcher's");
    }

    @Test
    void theHookIsOnItsOwnThrottledApiWithReservedConcurrencyAndReadsOnlyReceiverTokens() {
        // issue #11, item 4: the hook shared /v1's API, unthrottled, and could take all concurrency
        Map<String, Object> hook = Template.map(template.resource("WebhookFunction"), "Properties", "Events", "Hook",
                "Properties");
        assertEquals(Map.of("Ref", "WebhookApi"), hook.get("ApiId"));
        assertEquals("/hook/{digest}", hook.get("Path"));
        assertEquals("POST", hook.get("Method"));
        assertEquals(Set.of("Hook"), Template.map(template.resource("WebhookFunction"), "Properties", "Events")
                .keySet());
        template.resources(FUNCTION).forEach((fn, props) -> Template.map(props, "Events").forEach((id, e) -> {
            Object api = Template.map(Template.map(props, "Events"), id, "Properties").get("ApiId");
            if (api != null) {
                assertEquals(Map.of("Ref", fn.equals("WebhookFunction") ? "WebhookApi" : "ManagementApi"), api,
                        fn + " " + id);
            }
        }));
        Map<String, Object> api = Template.map(template.resource("WebhookApi"), "Properties");
        assertEquals("AWS::Serverless::HttpApi", template.resource("WebhookApi").get("Type"));
        assertEquals(Map.of("ThrottlingRateLimit", Map.of("Ref", "WebhookRateLimit"),
                "ThrottlingBurstLimit", Map.of("Ref", "WebhookBurstLimit")), Template.map(api, "DefaultRouteSettings"));
        assertTrue(Template.map(api, "Auth").isEmpty(), "public: the forge's signature is checked in the function");
        assertEquals(Map.of("Fn::If", List.of("ReservesWebhookConcurrency", Map.of("Ref", "WebhookConcurrency"),
                Map.of("Ref", "AWS::NoValue"))), Template.map(template.resource("WebhookFunction"), "Properties")
                .get("ReservedConcurrentExecutions"));
        assertTrue(String.valueOf(template.output("WebhookBaseUrl").get("Value"))
                .contains("${WebhookApi}.execute-api"));

        List<Map<String, Object>> secretGrants = statements("WebhookFunction").stream()
                .filter(st -> String.valueOf(st.get("Action")).contains("secretsmanager:")).toList();
        assertEquals(1, secretGrants.size(), secretGrants.toString());
        assertEquals(List.of("secretsmanager:GetSecretValue"), secretGrants.get(0).get("Action"));
        assertEquals(Map.of("Fn::Sub", "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:"
                + "${SecretPrefix}/receivers/*"), secretGrants.get(0).get("Resource"),
                "receiver tokens only (SecretNames#receiverToken), not providers' credentials");
        assertEquals("rset/receivers/apps/hook-token", new SecretNames("rset").receiverToken("apps", "hook-token")
                .name(), "the name the policy grants is the name the webhook reads");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> statements(String function) {
        List<Object> policies = (List<Object>) Template.map(template.resource(function), "Properties").get("Policies");
        return policies.stream().filter(p -> p instanceof Map<?, ?>)
                .flatMap(p -> ((List<Map<String, Object>>) ((Map<String, Object>) p).get("Statement")).stream())
                .toList();
    }

    @Test
    void theApiMayWriteReceiverTokensAndEveryFunctionGetsItsLogLevelAndMetricsNamespace() {
        // Receiver tokens only: provider credentials under <prefix>/secrets/ stay out of a token rotation's reach.
        List<Map<String, Object>> grants = statements("ApiFunction").stream()
                .filter(st -> String.valueOf(st.get("Resource")).contains("${SecretPrefix}/receivers/*")).toList();
        assertEquals(1, grants.size(), grants.toString());
        // What SecretsManagerSecretStore calls for ReceiverTokens.write and .token: create, or put on an
        // existing secret; get, and describe to tell a secret in its recovery window.
        assertEquals(Set.of("secretsmanager:CreateSecret", "secretsmanager:PutSecretValue",
                "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
                Set.copyOf((List<?>) grants.get(0).get("Action")));
        for (String fn : template.resources(FUNCTION).keySet()) {
            Map<String, Object> env = template.environment(fn);
            assertEquals(Map.of("Ref", "LogLevel"), env.get(dev.rset.ops.Telemetry.ENV_LOG_LEVEL), fn);
            assertEquals(Map.of("Ref", "MetricsNamespace"), env.get(dev.rset.ops.Telemetry.ENV_METRICS_NAMESPACE), fn);
        }
        assertEquals(dev.rset.ops.Telemetry.DEFAULT_NAMESPACE, template.parameterDefault("MetricsNamespace"));
        assertEquals("INFO", template.parameterDefault("LogLevel"));
    }
}
