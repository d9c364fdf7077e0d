package dev.rset.webhook.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.core.api.Receiver;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.hook.Receivers;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Kind;
import dev.rset.store.SecretStore;
import dev.rset.store.ObjectKey;
import dev.rset.store.ProviderId;
import dev.rset.store.SecretNames;
import dev.rset.store.StoredInput;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.SettableClock;
import dev.rset.store.testing.TestTables;
import dev.rset.webhook.WebhookHandler;
import dev.rset.webhook.WebhookService;
import dev.rset.webhook.Wiring;
import dev.rset.events.EventPublisher;
import dev.rset.forge.testing.Objects;
import dev.rset.events.InputsChanged;
import dev.rset.events.ReconcileRequested;
import dev.rset.events.testing.Bus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The webhook function wired to real emulated AWS (moto_server: DynamoDB, Secrets Manager,
 * EventBridge → SQS) with a fresh table, secret prefix and bus, plus the definitions a test
 * declares. Requests go through the Lambda handler as API Gateway events.
 */
public final class World {
    public static final String NS = "apps";
    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final DynamoDbClient db;
    public final DynamoConfig config;
    public final DynamoStores stores;
    public final SecretsManagerSecretStore secrets;
    public final Bus bus;
    /** The function's clock: when requests are received; tests move it to cross leases and TTLs. */
    public final SettableClock clock;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final String secretPrefix = "rset-" + UUID.randomUUID();
    private WebhookHandler handler;

    private World(MotoServer moto, Instant now) {
        clock = new SettableClock(now);
        db = TestTables.dynamo(moto);
        config = TestTables.newTable(db, 2);
        stores = new DynamoStores(db, config, clock);
        secrets = new SecretsManagerSecretStore(TestTables.secrets(moto));
        bus = Bus.create(moto);
        env.put("AWS_REGION", TestTables.REGION);
        env.put("RSET_AWS_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_TABLE", config.tableName());
        env.put("RSET_EVENT_BUS", bus.name());
        env.put("RSET_SECRET_PREFIX", secretPrefix);
    }

    public static World create(MotoServer moto) {
        return new World(moto, NOW);
    }

    /** A world whose requests are received at {@code now} (replayed samples carry their own dates). */
    public static World create(MotoServer moto, Instant now) {
        return new World(moto, now);
    }

    /**
     * A GitHub receiver of {@code pull_request} events for the provider {@code app-prs} of
     * {@code repo}, read by the ResourceSet {@code previews}; returns the receiver's digest.
     */
    public String pullRequestPreviews(String token, String repo) {
        String digest = receiver("github", ReceiverType.GITHUB, token, List.of("pull_request"),
                List.of(Objects.byName("app-prs")));
        provider("app-prs", "GitHubPullRequest", repo, Map.of());
        resourceSet("previews", "app-prs");
        return digest;
    }

    /** The service as deployed, its publisher optionally wrapped (to inject a bus failure). */
    public WebhookService service(UnaryOperator<EventPublisher> publisher) {
        return Wiring.build(env, TestTables.CREDENTIALS, clock, publisher);
    }

    /**
     * The service as deployed, whose first InputsChanged publish throws {@code failure} (a
     * RuntimeException or an Error) instead of reaching the bus; later ones go through.
     */
    public WebhookService serviceWhoseFirstPublishFails(Throwable failure) {
        AtomicBoolean failed = new AtomicBoolean();
        return service(real -> new EventPublisher() {
            @Override
            public void inputsChanged(List<InputsChanged> events) {
                if (!failed.getAndSet(true)) {
                    if (failure instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) failure;
                }
                real.inputsChanged(events);
            }

            @Override
            public void reconcileRequested(List<ReconcileRequested> events) {
                real.reconcileRequested(events);
            }
        });
    }

    /** The service as deployed, every AWS call of it seen by {@code interceptor}. */
    public WebhookService service(ExecutionInterceptor interceptor) {
        return Wiring.build(env, TestTables.CREDENTIALS, clock, UnaryOperator.identity(), List.of(interceptor));
    }

    public World useService(WebhookService service) {
        handler = new WebhookHandler(service, clock);
        return this;
    }

    private WebhookHandler handler() {
        if (handler == null) {
            useService(service(UnaryOperator.identity()));
        }
        return handler;
    }

    /** Stores the token secret and the Receiver; returns the webhook path digest. */
    public String receiver(String name, ReceiverType type, String token, List<String> events,
            List<Map<String, Object>> resources) {
        return receiver(stores.definitions(), secrets, secretPrefix, name, type, token, events, resources);
    }

    /** {@link #receiver} into other ports (another backend), under {@code prefix}. */
    public static String receiver(DefinitionStore definitions, SecretStore secrets, String prefix, String name,
            ReceiverType type, String token, List<String> events, List<Map<String, Object>> resources) {
        String secret = name + "-token";
        secrets.put(new SecretNames(prefix).receiverToken(NS, secret).name(), "{\"token\":\"" + token + "\"}",
                "test receiver token");
        Map<String, Object> manifest = Map.of("apiVersion", Receiver.API_VERSION, "kind", Receiver.KIND,
                "metadata", Map.of("name", name, "namespace", NS),
                "spec", Map.of("type", type.wire(), "events", events, "secretRef", Map.of("name", secret),
                        "resources", resources));
        definitions.put(new ObjectKey(Kind.RECEIVER, NS, name), manifest, Map.of(), 0);
        return Receivers.digest(token, Receiver.from(manifest));
    }

    public void provider(String name, String type, String url, Map<String, Object> extraSpec) {
        provider(stores.definitions(), name, type, url, extraSpec, Map.of());
    }

    public void provider(String name, String type, String url, Map<String, Object> extraSpec,
            Map<String, String> annotations) {
        provider(stores.definitions(), name, type, url, extraSpec, annotations);
    }

    public static void provider(DefinitionStore definitions, String name, String type, String url,
            Map<String, Object> extraSpec, Map<String, String> annotations) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", type);
        spec.put("url", url);
        spec.putAll(extraSpec);
        definitions.put(new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, NS, name),
                Map.of("apiVersion", "fluxcd.controlplane.io/v1", "kind", "ResourceSetInputProvider",
                        "metadata", Map.of("name", name, "namespace", NS, "annotations", annotations), "spec", spec),
                Map.of(), 0);
    }

    public void resourceSet(String name, String... providers) {
        resourceSet(stores.definitions(), name, providers);
    }

    public static void resourceSet(DefinitionStore definitions, String name, String... providers) {
        List<Object> from = java.util.Arrays.stream(providers).map(p -> (Object) Map.of("kind",
                "ResourceSetInputProvider", "name", p)).toList();
        definitions.put(new ObjectKey(Kind.RESOURCE_SET, NS, name),
                Map.of("apiVersion", "fluxcd.controlplane.io/v1", "kind", "ResourceSet",
                        "metadata", Map.of("name", name, "namespace", NS),
                        "spec", Map.of("inputsFrom", from, "resources", List.of(Map.of("apiVersion", "v1",
                                "kind", "ConfigMap", "metadata", Map.of("name", "app-<< inputs.id >>"))))),
                Map.of(), 0);
    }

    public Response post(String digest, SignedRequest r) {
        return post(digest, r.headers(), r.bodyText(), false);
    }

    public Response post(String digest, Map<String, String> headers, String body, boolean base64) {
        APIGatewayV2HTTPEvent e = APIGatewayV2HTTPEvent.builder().withRawPath("/hook/" + digest)
                .withRouteKey("POST /hook/{digest}").withPathParameters(Map.of("digest", digest))
                .withHeaders(lowercase(headers)).withBody(body).withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath("/hook/" + digest).build()).build())
                .build();
        APIGatewayV2HTTPResponse resp = handler().handleRequest(e, null);
        try {
            return new Response(resp.getStatusCode(), JSON.readTree(resp.getBody()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** API Gateway HTTP APIs hand headers over in lower case. */
    private static Map<String, String> lowercase(Map<String, String> headers) {
        Map<String, String> m = new LinkedHashMap<>();
        headers.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return m;
    }

    public List<StoredInput> inputs(String provider) {
        return stores.inputs().list(new ProviderId(NS, provider));
    }

    public Optional<StoredInput> input(String provider, String id) {
        return stores.inputs().get(new ProviderId(NS, provider), id);
    }

    /** How many items of the table hold inputs (live or tombstones) or the providers' live sets. */
    public long writtenItems() {
        return inputItems().size();
    }

    /** The items that hold inputs (live or tombstones) and live sets, as text by attribute, by their keys. */
    public Map<String, Map<String, String>> inputItems() {
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        db.scanPaginator(b -> b.tableName(config.tableName())).items().stream()
                .filter(i -> i.get("PK").s().startsWith("INPUTS#") || i.get("PK").s().startsWith("LIVESET#"))
                .forEach(i -> {
                    Map<String, String> attrs = new java.util.TreeMap<>();
                    i.forEach((k, v) -> attrs.put(k, v.toString()));
                    out.put(i.get("PK").s() + " " + i.get("SK").s(), attrs);
                });
        return out;
    }

    /** A response: status and parsed JSON body. */
    public record Response(int status, JsonNode body) {
        public String message() {
            JsonNode m = body.has("error") ? body.get("error") : body.get("message");
            return m == null ? "" : m.asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
