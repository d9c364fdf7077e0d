package dev.rset.scheduler;

import dev.rset.store.aws.FunctionCredentials;
import dev.rset.events.EventBridgePublisher;
import dev.rset.events.EventPublisher;
import dev.rset.events.EventSources;
import dev.rset.scheduler.inputs.InputSync;
import dev.rset.forge.providers.AwsSources;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.providers.aws.AwsSdkSources;
import dev.rset.scheduler.poll.ForgePoller;
import dev.rset.scheduler.poll.ProviderPoller;
import dev.rset.store.SecretNames;
import dev.rset.store.aws.FunctionEnvironment;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.InputStore;
import dev.rset.store.SecretStore;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds a tick from the function's environment: {@code RSET_TABLE}, {@code RSET_EVENT_BUS},
 * {@code AWS_REGION}, {@code RSET_TICK_MAX_ITEMS} (objects per tick), {@code RSET_SECRET_PREFIX} (where
 * providers' secretRefs live), optional {@code RSET_DUE_SHARDS} and {@code RSET_AWS_ENDPOINT} (one
 * endpoint for every AWS API: local emulators).
 */
public final class Wiring {
    private Wiring() {
    }

    public static Tick fromEnv(Map<String, String> env) {
        return build(env, FunctionCredentials.fromEnv(env), Clock.systemUTC());
    }

    public static Tick build(Map<String, String> env, AwsCredentialsProvider credentials, Clock clock) {
        FunctionEnvironment fn = new FunctionEnvironment(env);
        String bus = fn.required("RSET_EVENT_BUS");
        Tick.Limits limits = fn.optional("RSET_TICK_MAX_ITEMS").map(max -> new Tick.Limits(Integer.parseInt(max),
                Tick.Limits.DEFAULT.parallelism(), Tick.Limits.DEFAULT.lease(), Tick.Limits.DEFAULT.reserve()))
                .orElse(Tick.Limits.DEFAULT);
        DynamoStores stores = new DynamoStores(fn.client(DynamoDbClient.builder(), credentials, fn.endpoint()),
                DynamoConfig.fromEnv(env), clock);
        EventPublisher events = new EventBridgePublisher(fn.client(EventBridgeClient.builder(), credentials,
                fn.endpoint()), bus, EventSources.SCHEDULER, 4, Duration.ofMillis(50));
        AwsSdkSources aws = new AwsSdkSources(credentials, AwsSdkSources.Endpoints.api(fn.endpoint()), clock);
        ProviderPoller forge = forgePoller(new SecretsManagerSecretStore(fn.clientWhenUsed(SecretsManagerClient::builder,
                credentials, fn.endpoint())), env.getOrDefault("RSET_SECRET_PREFIX", SecretNames.DEFAULT_PREFIX),
                stores.inputs(), aws, clock);
        return tick(stores, events, forge, limits);
    }

    /** The forge and registry clients, reading providers' secretRefs from {@code secrets} under {@code prefix}. */
    public static ProviderPoller forgePoller(SecretStore secrets, String prefix, InputStore inputs, AwsSources aws,
            Clock clock) {
        return new ForgePoller(new dev.rset.forge.providers.ProviderPoller(
                dev.rset.forge.providers.ProviderPoller.defaultClientWhenUsed(), clock, new GitHubAppTokens(), aws),
                secrets, prefix, inputs);
    }

    /** A tick over the stack's DynamoDB stores. */
    public static Tick tick(DynamoStores stores, EventPublisher events, ProviderPoller poller, Tick.Limits limits) {
        return tick(SchedulerStores.of(stores), events, poller, limits);
    }

    /** A tick over these stores and bus; {@code poller} answers for every provider type. */
    public static Tick tick(SchedulerStores stores, EventPublisher events, ProviderPoller poller, Tick.Limits limits) {
        StatusRecorder status = new StatusRecorder(stores.statuses());
        ProviderRun providers = new ProviderRun(poller, new InputSync(stores.inputs()), stores.definitions(),
                stores.schedules(), events, status);
        return new Tick(stores.schedules(), stores.definitions(), providers, new ResourceSetRun(events), limits);
    }
}
