import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.core.api.Receiver;
import dev.rset.forge.hook.Receivers;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.dynamodb.TableSchema;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import dev.rset.webhook.WebhookHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Cold start of a Lambda handler, run on the shaded Lambda jar alone (plus this class), the way the
 * Java runtime loads it: {@code setup ENDPOINT} seeds moto_server once (table, token secret, bus,
 * Receiver and provider definitions); {@code webhook N} constructs the handler as Lambda does (no-arg
 * constructor, configuration from the environment), answers one signed GitHub delivery and prints
 * the milliseconds from the process start (as the OS recorded it) to the answer, and the CPU time spent.
 */
public final class LambdaStart {
    static final String TOKEN = "bench-token";
    static final String REPO = "https://github.com/acme/app";
    static final Map<String, Object> RECEIVER = Map.of("apiVersion", Receiver.API_VERSION, "kind", Receiver.KIND,
            "metadata", Map.of("name", "github", "namespace", "apps"),
            "spec", Map.of("type", "github", "secretRef", Map.of("name", "github-token"),
                    "resources", List.of(Map.of("kind", "ResourceSetInputProvider", "name", "prs"))));

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> setup(URI.create(args[1]), System.getenv("RSET_TABLE"), System.getenv("RSET_EVENT_BUS"));
            case "webhook" -> webhook(Integer.parseInt(args[1]));
            case "webhook-paths" -> webhookPaths(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException("mode must be setup, webhook or webhook-paths, not "
                    + args[0]);
        }
    }

    static void webhook(int run) throws Exception {
        APIGatewayV2HTTPResponse r = new WebhookHandler().handleRequest(delivery("opened", run, UUID.randomUUID(), TOKEN), null);
        ProcessHandle.Info self = ProcessHandle.current().info();
        long ms = Duration.between(self.startInstant().orElseThrow(), Instant.now()).toMillis();
        // CPU time of all the JVM's threads so far: on a loaded machine it varies less than the wall time.
        long cpu = self.totalCpuDuration().orElse(Duration.ZERO).toMillis();
        expect(200, r);
        System.out.println("handled " + r.getStatusCode() + " " + r.getBody() + " after_ms=" + ms + " cpu_ms=" + cpu);
    }

    /** The paths one delivery does not take, on the same jar: redelivery, close, bad signature. */
    static void webhookPaths(int run) throws Exception {
        WebhookHandler h = new WebhookHandler();
        UUID id = UUID.randomUUID();
        expect(200, h.handleRequest(delivery("opened", run, id, TOKEN), null));
        expect(200, h.handleRequest(delivery("opened", run, id, TOKEN), null));
        expect(200, h.handleRequest(delivery("closed", run, UUID.randomUUID(), TOKEN), null));
        APIGatewayV2HTTPResponse bad = h.handleRequest(delivery("opened", run, UUID.randomUUID(), "wrong"), null);
        if (bad.getStatusCode() < 400 || bad.getStatusCode() >= 500) {
            throw new IllegalStateException("a bad signature must be refused with 4xx, got " + bad.getStatusCode());
        }
        System.out.println("paths ok: redelivery, close, bad signature " + bad.getStatusCode());
    }

    static void expect(int status, APIGatewayV2HTTPResponse r) {
        if (r.getStatusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.getStatusCode() + " " + r.getBody());
        }
    }

    static APIGatewayV2HTTPEvent delivery(String action, int run, UUID id, String signingKey) throws Exception {
        String state = action.equals("closed") ? "closed" : "open";
        String body = """
                {"action":"%s","number":%d,"pull_request":{"number":%d,"state":"%s","title":"cold %d",
                 "html_url":"%s/pull/%d","updated_at":"2026-11-27T10:00:%02dZ","user":{"login":"bench"},"labels":[],
                 "head":{"sha":"%s","ref":"cold-%d"}},"repository":{"html_url":"%s"}}"""
                .formatted(action, run, run, state, run, REPO, run, state.equals("open") ? 0 : 30, sha(run), run, REPO);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        String digest = Receivers.digest(TOKEN, Receiver.from(RECEIVER));
        return APIGatewayV2HTTPEvent.builder().withRawPath("/hook/" + digest)
                .withPathParameters(Map.of("digest", digest))
                .withHeaders(Map.of("content-type", "application/json", "x-github-event", "pull_request",
                        "x-github-delivery", id.toString(), "x-hub-signature-256", sig))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build()).build())
                .build();
    }

    static void setup(URI endpoint, String table, String bus) {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        var db = DynamoStores.client("us-east-1", Optional.of(endpoint), creds);
        TableSchema.create(db, table);
        DynamoStores stores = new DynamoStores(db, DynamoConfig.of(table), Clock.systemUTC());
        var sm = SecretsManagerClient.builder().region(Region.US_EAST_1).credentialsProvider(creds)
                .endpointOverride(endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        new SecretsManagerSecretStore(sm).put("rset/secrets/apps/github-token", TOKEN, "bench");
        var eb = EventBridgeClient.builder().region(Region.US_EAST_1).credentialsProvider(creds)
                .endpointOverride(endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        eb.createEventBus(b -> b.name(bus));
        stores.definitions().put(new ObjectKey(Kind.RECEIVER, "apps", "github"), RECEIVER, Map.of(), 0);
        stores.definitions().put(new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "apps", "prs"),
                Map.of("apiVersion", "fluxcd.controlplane.io/v1", "kind", "ResourceSetInputProvider",
                        "metadata", Map.of("name", "prs", "namespace", "apps"),
                        "spec", Map.of("type", "GitHubPullRequest", "url", REPO)), Map.of(), 0);
        stores.definitions().put(new ObjectKey(Kind.RESOURCE_SET, "apps", "previews"),
                Map.of("apiVersion", "fluxcd.controlplane.io/v1", "kind", "ResourceSet",
                        "metadata", Map.of("name", "previews", "namespace", "apps"),
                        "spec", Map.of("inputsFrom", List.of(Map.of("kind", "ResourceSetInputProvider",
                                "name", "prs")))), Map.of(), 0);
        System.out.println("seeded " + endpoint + " table " + table + " bus " + bus);
    }

    static String sha(int run) {
        return String.format("%08x%032x", run, System.nanoTime());
    }
}
