package dev.rset.store.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/** Every DynamoDB-backed port over one table; built once per Lambda container. */
public final class DynamoStores {
    private final DynamoDefinitionStore definitions;
    private final DynamoInputStore inputs;
    private final DynamoScheduleStore schedules;
    private final DynamoInventoryStore inventories;
    private final DynamoStatusStore statuses;
    private final DynamoPairRunStore pairRuns;

    public DynamoStores(DynamoDbClient db, DynamoConfig config, Clock clock) {
        this.definitions = new DynamoDefinitionStore(db, config, clock);
        this.inputs = new DynamoInputStore(db, config, clock);
        this.schedules = new DynamoScheduleStore(db, config);
        this.inventories = new DynamoInventoryStore(db, config);
        this.statuses = new DynamoStatusStore(db, config);
        this.pairRuns = new DynamoPairRunStore(db, config);
    }

    /**
     * A client for {@code region}, or for {@code endpoint} when given (a local emulator in tests
     * and {@code rset dev}). Uses the URL-connection HTTP client: no Netty, faster cold starts.
     */
    public static DynamoDbClient client(String region, Optional<URI> endpoint) {
        return client(region, endpoint, DefaultCredentialsProvider.builder().build());
    }

    public static DynamoDbClient client(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        DynamoDbClientBuilder b = DynamoDbClient.builder().region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    public DynamoDefinitionStore definitions() {
        return definitions;
    }

    public DynamoInputStore inputs() {
        return inputs;
    }

    public DynamoScheduleStore schedules() {
        return schedules;
    }

    public DynamoInventoryStore inventories() {
        return inventories;
    }

    public DynamoStatusStore statuses() {
        return statuses;
    }

    public DynamoPairRunStore pairRuns() {
        return pairRuns;
    }
}
