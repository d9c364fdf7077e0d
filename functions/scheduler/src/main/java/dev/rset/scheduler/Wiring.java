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
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.InputStore;
import dev.rset.store.SecretStore;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

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
        String region = env.getOrDefault("AWS_REGION", "us-east-1");
        Optional<URI> endpoint = Optional.ofNullable(env.get("RSET_AWS_ENDPOINT")).filter(s -> !s.isBlank())
                .map(URI::create);
        String bus = env.getOrDefault("RSET_EVENT_BUS", "");
        if (bus.isBlank()) {
            throw new IllegalStateException("RSET_EVENT_BUS is not set");
        }
        String max = env.getOrDefault("RSET_TICK_MAX_ITEMS", "");
        Tick.Limits limits = max.isBlank() ? Tick.Limits.DEFAULT
                : new Tick.Limits(Integer.parseInt(max), Tick.Limits.DEFAULT.parallelism(), Tick.Limits.DEFAULT.lease(),
                        Tick.Limits.DEFAULT.reserve());
        DynamoStores stores = new DynamoStores(DynamoStores.client(region, endpoint, credentials),
                DynamoConfig.fromEnv(env), clock);
        EventBridgeClientBuilder eb = EventBridgeClient.builder().region(Region.of(region))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(eb::endpointOverride);
        EventPublisher events = new EventBridgePublisher(eb.build(), bus, EventSources.SCHEDULER, 4,
                Duration.ofMillis(50));
        SecretsManagerClientBuilder sm = SecretsManagerClient.builder().region(Region.of(region))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(sm::endpointOverride);
        AwsSdkSources aws = new AwsSdkSources(credentials, AwsSdkSources.Endpoints.api(endpoint), clock);
        ProviderPoller forge = forgePoller(new SecretsManagerSecretStore(sm.build()),
                env.getOrDefault("RSET_SECRET_PREFIX", "rset"), stores.inputs(), aws, clock);
        return tick(stores, events, forge, limits);
    }

    /** The forge and registry clients, reading providers' secretRefs from {@code secrets} under {@code prefix}. */
    public static ProviderPoller forgePoller(SecretStore secrets, String prefix, InputStore inputs, AwsSources aws,
            Clock clock) {
        return new ForgePoller(new dev.rset.forge.providers.ProviderPoller(
                dev.rset.forge.providers.ProviderPoller.defaultClient(), clock, new GitHubAppTokens(), aws),
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
