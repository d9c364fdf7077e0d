package dev.rset.dispatcher;

import dev.rset.store.aws.FunctionCredentials;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the dispatcher from the function's environment: {@code RSET_TABLE}, {@code RSET_PAIR_QUEUE_URL},
 * {@code AWS_REGION}, optional {@code RSET_DUE_SHARDS} and {@code RSET_AWS_ENDPOINT} (one endpoint
 * for every AWS API: local emulators).
 */
public final class Wiring {
    private Wiring() {
    }

    public static Dispatcher fromEnv(Map<String, String> env) {
        return build(env, FunctionCredentials.fromEnv(env), Clock.systemUTC());
    }

    public static Dispatcher build(Map<String, String> env, AwsCredentialsProvider credentials, Clock clock) {
        String region = env.getOrDefault("AWS_REGION", "us-east-1");
        Optional<URI> endpoint = Optional.ofNullable(env.get("RSET_AWS_ENDPOINT")).filter(s -> !s.isBlank())
                .map(URI::create);
        String queueUrl = env.getOrDefault("RSET_PAIR_QUEUE_URL", "");
        if (queueUrl.isBlank()) {
            throw new IllegalStateException("RSET_PAIR_QUEUE_URL is not set");
        }
        DynamoStores stores = new DynamoStores(DynamoStores.client(region, endpoint, credentials),
                DynamoConfig.fromEnv(env), clock);
        SqsClientBuilder sqs = SqsClient.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(sqs::endpointOverride);
        return new Dispatcher(new Placements(stores.definitions(), stores.inventories()),
                new SqsPairQueue(sqs.build(), queueUrl, 4, Duration.ofMillis(50)), clock);
    }
}
