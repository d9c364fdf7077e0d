package dev.rset.store.testing;

import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.dynamodb.TableSchema;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Optional;
import java.util.UUID;

/** Clients for the emulator and a fresh table per test class, so tests never see each other's items. */
public final class TestTables {
    public static final String REGION = "us-east-1";
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private TestTables() {
    }

    public static DynamoDbClient dynamo(MotoServer moto) {
        return DynamoStores.client(REGION, Optional.of(moto.endpoint()), CREDENTIALS);
    }

    /** A client whose requests and responses {@code interceptor} sees (e.g. {@link ItemsRead}). */
    public static DynamoDbClient dynamo(MotoServer moto, ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder().region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
                .endpointOverride(moto.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)).build();
    }

    public static SecretsManagerClient secrets(MotoServer moto) {
        return SecretsManagerClient.builder().region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
                .endpointOverride(moto.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** Creates a uniquely named table and returns its config. */
    public static DynamoConfig newTable(DynamoDbClient db, int dueShards) {
        String name = "rset-test-" + UUID.randomUUID();
        TableSchema.create(db, name);
        return new DynamoConfig(name, dueShards, DynamoConfig.DEFAULT_TOMBSTONE_TTL);
    }
}
