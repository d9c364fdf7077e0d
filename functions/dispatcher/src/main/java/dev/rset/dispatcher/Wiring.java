package dev.rset.dispatcher;

import dev.rset.store.aws.FunctionCredentials;
import dev.rset.store.aws.FunctionEnvironment;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

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
        FunctionEnvironment fn = new FunctionEnvironment(env);
        String queueUrl = fn.required("RSET_PAIR_QUEUE_URL");
        DynamoStores stores = new DynamoStores(fn.client(DynamoDbClient.builder(), credentials, fn.endpoint()),
                DynamoConfig.fromEnv(env), clock);
        return new Dispatcher(new Placements(stores.definitions(), stores.inventories()),
                new SqsPairQueue(fn.client(SqsClient.builder(), credentials, fn.endpoint()), queueUrl, 4,
                        Duration.ofMillis(50)), clock);
    }
}
