import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.api.ApiHandler;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.dynamodb.TableSchema;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Seeds moto_server once for every function's run, through the management API as a user would:
 * {@code Setup KUBECONFIG TICK_TABLE TICK_ITEMS} makes the table {@code RSET_TABLE} (Receiver
 * hooks/github with its token and provider, the Cluster "bench" from KUBECONFIG, the placed
 * ResourceSet), the bus, the pair queue (its URL is printed for {@code RSET_PAIR_QUEUE_URL}), and
 * a second table TICK_TABLE holding TICK_ITEMS due ResourceSets for the scheduler's runs.
 */
public final class Setup {
    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        URI endpoint = URI.create(env.get("RSET_AWS_ENDPOINT"));
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        String kubeconfig = Files.readString(Path.of(args[0]));
        String tickTable = args[1];
        int tickItems = Integer.parseInt(args[2]);

        var db = DynamoStores.client("us-east-1", Optional.of(endpoint), creds);
        TableSchema.create(db, env.get("RSET_TABLE"));
        TableSchema.create(db, tickTable);
        var sm = SecretsManagerClient.builder().region(Region.US_EAST_1).credentialsProvider(creds)
                .endpointOverride(endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        new SecretsManagerSecretStore(sm).put("rset/receivers/hooks/github-token", WebhookStart.TOKEN, "lambda-start");
        EventBridgeClient.builder().region(Region.US_EAST_1).credentialsProvider(creds).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build().createEventBus(b -> b.name(env.get("RSET_EVENT_BUS")));
        String queue = SqsClient.builder().region(Region.US_EAST_1).credentialsProvider(creds).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()
                .createQueue(b -> b.queueName("rset-lambda-start-pairs.fifo")
                        .attributesWithStrings(Map.of("FifoQueue", "true"))).queueUrl();

        ApiHandler api = new ApiHandler(ApiHandler.router(env, Optional.of(creds)));
        apply(api, """
                apiVersion: notification.toolkit.fluxcd.io/v1
                kind: Receiver
                metadata:
                  name: github
                  namespace: hooks
                spec:
                  type: github
                  events: [ping, pull_request]
                  secretRef:
                    name: github-token
                  resources:
                    - kind: ResourceSetInputProvider
                      name: prs
                ---
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSetInputProvider
                metadata:
                  name: prs
                  namespace: hooks
                spec:
                  type: GitHubPullRequest
                  url: %s
                ---
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata:
                  name: previews
                  namespace: hooks
                spec:
                  inputsFrom:
                    - kind: ResourceSetInputProvider
                      name: prs
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: preview-<< inputs.id >>
                        namespace: default
                """.formatted(WebhookStart.REPO));
        apply(api, "apiVersion: rset.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: bench\n  labels:\n    env: bench\n"
                + "spec:\n  server: " + server(kubeconfig) + "\n  auth:\n    kubeconfig:\n      value: |\n"
                + kubeconfig.indent(8));
        apply(api, Start.resourceSet(Start.PLACED, "apps"));

        Map<String, String> tickEnv = new HashMap<>(env);
        tickEnv.put("RSET_TABLE", tickTable);
        ApiHandler tickApi = new ApiHandler(ApiHandler.router(tickEnv, Optional.of(creds)));
        StringBuilder due = new StringBuilder();
        for (int i = 0; i < tickItems; i++) {
            due.append(i == 0 ? "" : "---\n").append(Start.resourceSet("tick-" + i, "apps"));
        }
        apply(tickApi, due.toString());
        System.out.println("RSET_PAIR_QUEUE_URL=" + queue);
    }

    static void apply(ApiHandler api, String yaml) {
        APIGatewayV2HTTPResponse r = api.handleRequest(ApiStart.apply(yaml), null);
        Start.require(r.getStatusCode() == 200, "apply answered " + r.getStatusCode() + " " + r.getBody());
    }

    static String server(String kubeconfig) {
        return kubeconfig.lines().map(String::trim).filter(l -> l.startsWith("server:")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kubeconfig has no server")).substring(7).trim();
    }
}
