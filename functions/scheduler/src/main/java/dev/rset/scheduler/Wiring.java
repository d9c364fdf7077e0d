package dev.rset.scheduler;

import dev.rset.events.EventBridgePublisher;
import dev.rset.events.EventPublisher;
import dev.rset.events.EventSources;
import dev.rset.scheduler.inputs.InputSync;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.scheduler.poll.ForgePoller;
import dev.rset.scheduler.poll.ProviderPoller;
import dev.rset.store.SecretNames;
import dev.rset.store.aws.FunctionEnvironment;
import dev.rset.store.dynamodb.DynamoConfig;
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
        return build(env, DefaultCredentialsProvider.builder().build(), Clock.systemUTC());
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
        ProviderPoller forge = new ForgePoller(new dev.rset.forge.providers.ProviderPoller(
                dev.rset.forge.providers.ProviderPoller.defaultClient(), clock, new GitHubAppTokens()),
                new SecretsManagerSecretStore(fn.client(SecretsManagerClient.builder(), credentials, fn.endpoint())),
                env.getOrDefault("RSET_SECRET_PREFIX", SecretNames.DEFAULT_PREFIX), stores.inputs());
        return tick(stores, events, forge, limits);
    }

    /** A tick over these stores and bus; {@code poller} answers for every provider type. */
    public static Tick tick(DynamoStores stores, EventPublisher events, ProviderPoller poller, Tick.Limits limits) {
        StatusRecorder status = new StatusRecorder(stores.statuses());
        ProviderRun providers = new ProviderRun(poller, new InputSync(stores.inputs()), stores.definitions(),
                stores.schedules(), events, status);
        return new Tick(stores.schedules(), stores.definitions(), providers, new ResourceSetRun(events), limits);
    }
}
