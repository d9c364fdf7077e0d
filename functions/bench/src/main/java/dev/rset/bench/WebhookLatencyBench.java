package dev.rset.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.core.api.Receiver;
import dev.rset.forge.event.EventParser;
import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.Headers;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.hook.Receivers;
import dev.rset.forge.hook.Verifier;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Payloads;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.SecretNames;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.dynamodb.TableSchema;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import dev.rset.webhook.WebhookHandler;
import dev.rset.webhook.Wiring;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Warm latency of the webhook handler per delivery (verify + parse + conditional
 * write + PutEvents), against local backends: its own moto_server (DynamoDB, Secrets Manager,
 * EventBridge) on a loopback port. After a warm-up it times, one delivery at a time, signed
 * GitHub pull_request deliveries in two mixes: "synchronize" (update of one of 20 open requests)
 * and "open/close" (a new request, then its closing), and prints p50/p90/p99/max. It also times
 * verification + parsing alone, the part that runs without I/O.
 */
public final class WebhookLatencyBench {
    private static final String TOKEN = "bench-token";
    private static final String REPO = "https://github.com/acme/app";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private WebhookLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Logger.getLogger("").setLevel(Level.WARNING); // one INFO line per delivery would time the console
        int port = freePort();
        File log = File.createTempFile("bench-moto", ".log");
        Process moto = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log).start();
        try {
            waitForPort(port, moto);
            run(URI.create("http://127.0.0.1:" + port), warmup, measured);
        } finally {
            moto.destroy();
        }
    }

    private static void run(URI endpoint, int warmup, int measured) {
        String region = "us-east-1";
        var db = DynamoStores.client(region, Optional.of(endpoint), CREDENTIALS);
        String table = "rset-bench-webhook";
        TableSchema.create(db, table);
        DynamoStores stores = new DynamoStores(db, DynamoConfig.of(table), Clock.systemUTC());
        var sm = SecretsManagerClient.builder().region(Region.of(region)).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        new SecretsManagerSecretStore(sm).put(new SecretNames("rset").receiverToken("apps", "github-token").name(),
                TOKEN, "bench");
        var eb = EventBridgeClient.builder().region(Region.of(region)).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        eb.createEventBus(b -> b.name("rset-bench"));

        Map<String, Object> receiver = Map.of("apiVersion", Receiver.API_VERSION, "kind", Receiver.KIND,
                "metadata", Map.of("name", "github", "namespace", "apps"),
                "spec", Map.of("type", "github", "secretRef", Map.of("name", "github-token"),
                        "resources", List.of(Map.of("kind", "ResourceSetInputProvider", "name", "prs"))));
        stores.definitions().put(new ObjectKey(Kind.RECEIVER, "apps", "github"), receiver, Map.of(), 0);
        stores.definitions().put(new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "apps", "prs"),
                Map.of("apiVersion", "fluxcd.controlplane.io/v1", "kind", "ResourceSetInputProvider",
                        "metadata", Map.of("name", "prs", "namespace", "apps"),
                        "spec", Map.of("type", "GitHubPullRequest", "url", REPO)), Map.of(), 0);
        stores.definitions().put(new ObjectKey(Kind.RESOURCE_SET, "apps", "previews"),
                Map.of("apiVersion", "fluxcd.controlplane.io/v1", "kind", "ResourceSet",
                        "metadata", Map.of("name", "previews", "namespace", "apps"),
                        "spec", Map.of("inputsFrom", List.of(Map.of("kind", "ResourceSetInputProvider",
                                "name", "prs")))), Map.of(), 0);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", region);
        env.put("RSET_AWS_ENDPOINT", endpoint.toString());
        env.put("RSET_TABLE", table);
        env.put("RSET_EVENT_BUS", "rset-bench");
        OperationTimes ops = new OperationTimes();
        WebhookHandler handler = new WebhookHandler(Wiring.build(env, CREDENTIALS, Clock.systemUTC(),
                UnaryOperator.identity(), List.of(ops)), Clock.systemUTC());
        String digest = Receivers.digest(TOKEN, Receiver.from(receiver));

        // Recent: the webhook refuses change request events older than removed inputs are remembered.
        Instant t0 = Instant.ofEpochSecond(Instant.now().getEpochSecond() - 3600);
        int[] seq = {0};
        // synchronize: 20 open requests, each delivery a new head SHA with a later update time
        for (int pr = 1; pr <= 20; pr++) {
            send(handler, digest, ChangeRequest.opened(pr, sha(pr, 0), t0), seq);
        }
        List<SignedRequest> sync = new ArrayList<>();
        for (int i = 1; i <= warmup + measured; i++) {
            int pr = 1 + i % 20;
            sync.add(signed(ChangeRequest.opened(pr, sha(pr, i), t0).synchronize(sha(pr, i), t0.plusMillis(i * 10L)),
                    seq));
        }
        ops.reset();
        long[] syncTimes = time(handler, digest, sync, warmup);
        Map<String, long[]> syncOps = ops.reset();

        // open/close: a new request each time, closed by the next delivery
        List<SignedRequest> openClose = new ArrayList<>();
        for (int i = 0; i < (warmup + measured) / 2; i++) {
            int pr = 1000 + i;
            ChangeRequest cr = ChangeRequest.opened(pr, sha(pr, 0), t0.plusSeconds(i));
            openClose.add(signed(cr, seq));
            openClose.add(signed(cr.closed(t0.plusSeconds(i).plusMillis(500)), seq));
        }
        long[] openCloseTimes = time(handler, digest, openClose, warmup);
        Map<String, long[]> openCloseOps = ops.reset();

        // verification + parsing alone: no I/O
        SignedRequest one = sync.get(sync.size() - 1);
        Delivery d = new Delivery(Headers.of(one.headers()), one.body(), Instant.now());
        long[] pure = new long[measured];
        for (int i = 0; i < warmup + measured; i++) {
            long start = System.nanoTime();
            Verifier.verify(ReceiverType.GITHUB, TOKEN, d);
            EventParser.parse(ReceiverType.GITHUB, d);
            if (i >= warmup) {
                pure[i - warmup] = System.nanoTime() - start;
            }
        }
        // one backend round trip, for scale: a GetItem of a stored input
        long[] roundTrip = new long[measured];
        var pid = new dev.rset.store.ProviderId("apps", "prs");
        for (int i = 0; i < warmup + measured; i++) {
            long start = System.nanoTime();
            stores.inputs().get(pid, "1");
            if (i >= warmup) {
                roundTrip[i - warmup] = System.nanoTime() - start;
            }
        }
        System.out.printf("webhook warm latency, %d measured after %d warm-up, body %d bytes, moto_server backends%n",
                measured, warmup, one.body().length);
        report("synchronize (2 requests)", syncTimes);
        report("open/close (3 requests each)", openCloseTimes);
        syncOps.forEach((op, t) -> report("  synchronize: " + op + " (warm-up included)", t));
        openCloseOps.forEach((op, t) -> report("  open/close: " + op + " (warm-up included)", t));
        report("verify + parse only (no I/O)", pure);
        report("one moto_server round trip (GetItem), for scale", roundTrip);
    }

    /** Wall time of each request on the wire (send to answer), by operation: which one takes the time. */
    private static final class OperationTimes implements ExecutionInterceptor {
        private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("bench.sent");
        private final Map<String, List<Long>> times = new java.util.TreeMap<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
            a.putAttribute(SENT, System.nanoTime());
        }

        @Override
        public synchronized void afterTransmission(Context.AfterTransmission c, ExecutionAttributes a) {
            times.computeIfAbsent(a.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                    + a.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new ArrayList<>())
                    .add(System.nanoTime() - a.getAttribute(SENT));
        }

        synchronized Map<String, long[]> reset() {
            Map<String, long[]> out = new java.util.TreeMap<>();
            times.forEach((op, t) -> out.put(op, t.stream().mapToLong(Long::longValue).toArray()));
            times.clear();
            return out;
        }
    }

    private static SignedRequest signed(ChangeRequest cr, int[] seq) {
        return Payloads.changeRequest(ReceiverType.GITHUB, TOKEN, "bench-" + (++seq[0]), REPO, cr);
    }

    private static void send(WebhookHandler h, String digest, ChangeRequest cr, int[] seq) {
        post(h, digest, signed(cr, seq));
    }

    private static long[] time(WebhookHandler h, String digest, List<SignedRequest> deliveries, int warmup) {
        long[] out = new long[Math.max(0, deliveries.size() - warmup)];
        for (int i = 0; i < deliveries.size(); i++) {
            long start = System.nanoTime();
            post(h, digest, deliveries.get(i));
            if (i >= warmup) {
                out[i - warmup] = System.nanoTime() - start;
            }
        }
        return out;
    }

    private static void post(WebhookHandler h, String digest, SignedRequest r) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        APIGatewayV2HTTPEvent e = APIGatewayV2HTTPEvent.builder().withRawPath("/hook/" + digest)
                .withPathParameters(Map.of("digest", digest)).withHeaders(headers).withBody(r.bodyText())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build()).build())
                .build();
        APIGatewayV2HTTPResponse resp = h.handleRequest(e, null);
        if (resp.getStatusCode() != 200) {
            throw new IllegalStateException("delivery refused: " + resp.getStatusCode() + " " + resp.getBody());
        }
    }

    private static void report(String name, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("  %-64s p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (n=%d)%n", name,
                pct(s, 50), pct(s, 90), pct(s, 99), s[s.length - 1] / 1e6, s.length);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static String sha(int pr, int step) {
        return String.format("%08x%032x", pr, step);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port, Process p) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + p.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("moto_server did not listen on port " + port);
    }
}
