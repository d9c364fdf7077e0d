package dev.rset.webhook;

import dev.rset.store.aws.FunctionCredentials;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import dev.rset.events.EventBridgePublisher;
import dev.rset.events.EventPublisher;
import dev.rset.events.EventSources;
import dev.rset.store.SecretNames;
import dev.rset.store.aws.FunctionEnvironment;
import dev.rset.webhook.inputs.InputWriter;
import dev.rset.webhook.receivers.ReceiverDirectory;
import dev.rset.store.secrets.ReceiverTokens;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the service from the function's environment: {@code RSET_TABLE}, {@code RSET_EVENT_BUS},
 * {@code AWS_REGION}, optional {@code RSET_SECRET_PREFIX} and {@code RSET_AWS_ENDPOINT} (one
 * endpoint for every AWS API, for local emulators in tests and {@code rset dev}).
 */
public final class Wiring {
    private Wiring() {
    }

    public static WebhookService fromEnv(Map<String, String> env) {
        return build(env, FunctionCredentials.fromEnv(env), Clock.systemUTC(), UnaryOperator.identity());
    }

    /** {@code publisher} may wrap the EventBridge publisher (tests inject a failing bus this way). */
    public static WebhookService build(Map<String, String> env, AwsCredentialsProvider credentials, Clock clock,
            UnaryOperator<EventPublisher> publisher) {
        return build(env, credentials, clock, publisher, List.of());
    }

    /** {@code interceptors} see every AWS call of the service (tests count a delivery's requests). */
    public static WebhookService build(Map<String, String> env, AwsCredentialsProvider credentials, Clock clock,
            UnaryOperator<EventPublisher> publisher, List<ExecutionInterceptor> interceptors) {
        FunctionEnvironment fn = new FunctionEnvironment(env);
        String bus = fn.required("RSET_EVENT_BUS");
        DynamoConfig config = DynamoConfig.fromEnv(env);
        DynamoStores stores = new DynamoStores(fn.client(DynamoDbClient.builder(), credentials, fn.endpoint(), interceptors), config,
                clock);
        ReceiverTokens tokens = new ReceiverTokens(new SecretsManagerSecretStore(fn.client(
                SecretsManagerClient.builder(), credentials, fn.endpoint(), interceptors)),
                new SecretNames(env.get("RSET_SECRET_PREFIX")));
        ReceiverDirectory directory = new ReceiverDirectory(stores.definitions(), tokens, clock,
                Duration.ofSeconds(60), Duration.ofSeconds(5), new SecureRandom());
        return new WebhookService(directory, stores.definitions(), clock, Duration.ofSeconds(10),
                new InputWriter(stores.inputs()), publisher.apply(new EventBridgePublisher(fn.client(EventBridgeClient.builder(),
                        credentials, fn.endpoint(), interceptors), bus, EventSources.WEBHOOK, 4, Duration.ofMillis(50))),
                stores.schedules(), config.tombstoneTtl());
    }
}
