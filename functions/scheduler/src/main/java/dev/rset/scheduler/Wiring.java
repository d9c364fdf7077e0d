package dev.rset.scheduler;

import dev.rset.events.EventBridgePublisher;
import dev.rset.events.EventPublisher;
import dev.rset.events.EventSources;
import dev.rset.scheduler.inputs.InputSync;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.scheduler.poll.CodeCommitPoller;
import dev.rset.scheduler.poll.EcrPoller;
import dev.rset.scheduler.poll.ForgePoller;
import dev.rset.scheduler.poll.ProviderPoller;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codecommit.CodeCommitClientBuilder;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;
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
        return build(env, DefaultCredentialsProvider.builder().build(), Clock.systemUTC());
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
        ProviderPoller forge = new ForgePoller(new dev.rset.forge.providers.ProviderPoller(
                dev.rset.forge.providers.ProviderPoller.defaultClient(), clock, new GitHubAppTokens()),
                new SecretsManagerSecretStore(sm.build()), env.getOrDefault("RSET_SECRET_PREFIX", "rset"),
                stores.inputs());
        Map<String, EcrClient> ecrByRegion = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, CodeCommitClient> codeCommitByRegion = new java.util.concurrent.ConcurrentHashMap<>();
        ProviderPoller poller = new EcrPoller(r -> ecrByRegion.computeIfAbsent(r, x -> {
            EcrClientBuilder b = EcrClient.builder().region(Region.of(x)).credentialsProvider(credentials)
                    .httpClientBuilder(UrlConnectionHttpClient.builder());
            endpoint.ifPresent(b::endpointOverride);
            return b.build();
        }), new CodeCommitPoller(r -> codeCommitByRegion.computeIfAbsent(r, x -> {
            CodeCommitClientBuilder b = CodeCommitClient.builder().region(Region.of(x)).credentialsProvider(credentials)
                    .httpClientBuilder(UrlConnectionHttpClient.builder());
            endpoint.ifPresent(b::endpointOverride);
            return b.build();
        }), forge));
        return tick(stores, events, poller, limits);
    }

    /** A tick over these stores and bus; {@code poller} answers for every provider type. */
    public static Tick tick(DynamoStores stores, EventPublisher events, ProviderPoller poller, Tick.Limits limits) {
        StatusRecorder status = new StatusRecorder(stores.statuses());
        ProviderRun providers = new ProviderRun(poller, new InputSync(stores.inputs()), stores.definitions(),
                stores.schedules(), events, status);
        return new Tick(stores.schedules(), stores.definitions(), providers, new ResourceSetRun(events), limits);
    }
}
