package dev.rset.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.api.access.ConnectorClusterAccess;
import dev.rset.api.http.HttpRequest;
import dev.rset.api.http.HttpResponse;
import dev.rset.api.resources.AuditLog;
import dev.rset.api.resources.ControlPlane;
import dev.rset.delivery.SecretReader;
import dev.rset.delivery.access.AccessSettings;
import dev.rset.delivery.access.AddressPolicy;
import dev.rset.delivery.access.ClusterClients;
import dev.rset.delivery.access.RegistrationChecks;
import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import dev.rset.store.aws.FunctionCredentials;
import dev.rset.store.aws.FunctionEnvironment;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import dev.rset.events.EventBridgePublisher;
import dev.rset.events.EventPublisher;
import dev.rset.events.EventSources;
import dev.rset.ops.Fields;
import dev.rset.ops.Invocation;
import dev.rset.ops.Metrics;
import dev.rset.ops.Telemetry;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The management API Lambda (API Gateway HTTP API, payload format 2.0): turns the event into an
 * {@link HttpRequest}, lets the {@link Router} answer, and turns that back into the response.
 * Configuration from the environment: RSET_TABLE, AWS_REGION, RSET_SECRET_PREFIX (default
 * {@code rset}), RSET_EVENT_BUS (where reconcile requests are announced; without it only the
 * schedule asks for runs), the cluster access settings of {@link AccessSettings#fromEnv}
 * (RSET_ALLOW_LOOPBACK_CLUSTERS, RSET_ALLOWED_ACCOUNT_IDS, RSET_EKS_EXTERNAL_ID), and for local
 * runs RSET_AWS_ENDPOINT (every AWS API) or RSET_DYNAMODB_ENDPOINT / RSET_SECRETS_ENDPOINT /
 * RSET_STS_ENDPOINT.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** The {@code Function} dimension of the metrics and the {@code function} field of the log lines. */
    public static final String FUNCTION = "api";
    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private final Router router;

    /** Used by Lambda: clients are built once per container, at init. */
    public ApiHandler() {
        this(lambdaEnv());
    }

    private static Map<String, String> lambdaEnv() {
        Telemetry.forLambda(System.getenv());
        return System.getenv();
    }

    public ApiHandler(Map<String, String> env) {
        this(router(env, Optional.of(FunctionCredentials.fromEnv(env))));
    }

    public ApiHandler(Router router) {
        this.router = router;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpResponse r;
        try (Invocation inv = Invocation.start(FUNCTION, context == null ? null : context.getAwsRequestId())) {
            HttpRequest request = toRequest(event);
            r = router.handle(request);
            answered(inv, request, r.status());
        }
        APIGatewayV2HTTPResponse out = new APIGatewayV2HTTPResponse();
        out.setStatusCode(r.status());
        out.setHeaders(r.headers());
        out.setBody(r.body());
        out.setIsBase64Encoded(false);
        return out;
    }

    /** One line per request (method, path, status, caller; never a body or query) and its metrics. */
    private static void answered(Invocation inv, HttpRequest request, int status) {
        long ms = inv.elapsedMillis();
        boolean write = !request.method().equals("GET");
        Metrics.count("ApiRequests");
        Metrics.count("ApiWrites", write ? 1 : 0);
        Metrics.count("ApiErrors", status >= 500 ? 1 : 0);
        Metrics.milliseconds("ApiDuration", ms);
        LOG.log(status >= 500 ? System.Logger.Level.WARNING : System.Logger.Level.INFO, "{0} {1}: {2} in {3} ms",
                request.method(), request.path(), status, ms, Fields.event("request").with("method", request.method())
                        .with("path", request.path()).with("status", status)
                        .with("caller", request.caller().isEmpty() ? "unauthenticated" : request.caller())
                        .outcome(status >= 500 ? "failed" : status >= 400 ? "rejected" : "succeeded").durationMs(ms));
    }

    static HttpRequest toRequest(APIGatewayV2HTTPEvent e) {
        String method = e.getRequestContext() != null && e.getRequestContext().getHttp() != null
                ? e.getRequestContext().getHttp().getMethod() : "GET";
        String body = e.getBody() == null ? "" : e.getBody();
        if (e.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new HttpRequest(method, e.getRawPath() == null ? "/" : e.getRawPath(),
                e.getQueryStringParameters() == null ? Map.of() : e.getQueryStringParameters(),
                e.getHeaders() == null ? Map.of() : e.getHeaders(), body, caller(e));
    }

    /** The IAM ARN API Gateway's IAM authorizer verified ({@code requestContext.authorizer.iam.userArn}). */
    static String caller(APIGatewayV2HTTPEvent e) {
        var context = e.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getIam() == null) {
            return "";
        }
        String arn = context.getAuthorizer().getIam().getUserArn();
        return arn == null ? "" : arn;
    }

    /**
     * Wires the ports to AWS. {@code credentials} overrides the default provider chain (tests
     * against a local emulator).
     */
    public static Router router(Map<String, String> env,
            Optional<software.amazon.awssdk.auth.credentials.AwsCredentialsProvider> credentials) {
        return router(env, credentials, AuditLog.logged());
    }

    /** {@link #router(Map, Optional)} with the audit lines going to {@code audit}. */
    public static Router router(Map<String, String> env,
            Optional<software.amazon.awssdk.auth.credentials.AwsCredentialsProvider> credentials, AuditLog audit) {
        FunctionEnvironment fn = new FunctionEnvironment(env);
        AwsCredentialsProvider creds = credentials.orElseGet(() -> DefaultCredentialsProvider.builder().build());
        DynamoConfig config = DynamoConfig.fromEnv(env);
        DynamoDbClient db = fn.client(DynamoDbClient.builder(), creds, fn.endpoint("RSET_DYNAMODB_ENDPOINT"));
        Optional<EventPublisher> events = fn.optional("RSET_EVENT_BUS").map(bus -> new EventBridgePublisher(
                fn.client(EventBridgeClient.builder(), creds, fn.endpoint()), bus, EventSources.API, 3,
                Duration.ofMillis(50)));
        Clock clock = Clock.systemUTC();
        DynamoStores stores = new DynamoStores(db, config, clock);
        SecretStore secrets = new SecretsManagerSecretStore(fn.clientWhenUsed(SecretsManagerClient::builder, creds,
                fn.endpoint("RSET_SECRETS_ENDPOINT")));
        AccessSettings access = AccessSettings.fromEnv(env);
        ControlPlane plane = new ControlPlane(stores.definitions(), stores.statuses(), stores.schedules(),
                stores.inputs(), stores.inventories(), secrets, access.secretPrefix(),
                clusterAccess(fn, access, secrets, creds, clock), clock, events, audit);
        return new Router(plane);
    }

    /** Registration checks and the connectivity probe, with the same rules delivery applies at connect time. */
    static ConnectorClusterAccess clusterAccess(FunctionEnvironment fn, AccessSettings settings, SecretStore secrets,
            AwsCredentialsProvider credentials, Clock clock) {
        SecretReader reader = ref -> secrets.get(new SecretRef(ref));
        Supplier<StsClient> sts = fn.clientWhenUsed(StsClient::builder, credentials, fn.endpoint("RSET_STS_ENDPOINT"));
        return new ConnectorClusterAccess(new RegistrationChecks(settings, AddressPolicy.system(settings.allowLoopback()),
                reader), ClusterClients.forControlPlane(settings, reader, sts, clock));
    }

}
