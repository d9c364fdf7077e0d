package dev.rset.reconciler.lambda;

import dev.rset.reconciler.PairReconciler;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Builds the reconcile handler from the function's environment: {@code RSET_TABLE},
 * {@code AWS_REGION}, optional {@code RSET_DUE_SHARDS}, {@code RSET_SECRET_PREFIX},
 * {@code RSET_AWS_ENDPOINT} (one endpoint for every AWS API: local emulators) and
 * {@code RSET_CLOCK_MARGIN_MS}.
 */
public final class Wiring {
    static final Duration DEFAULT_CLOCK_MARGIN = Duration.ofSeconds(1);

    private Wiring() {
    }

    public static QueuedPairRunner fromEnv(Map<String, String> env) {
        String region = env.getOrDefault("AWS_REGION", "us-east-1");
        Optional<URI> endpoint = Optional.ofNullable(env.get("RSET_AWS_ENDPOINT")).filter(s -> !s.isBlank())
                .map(URI::create);
        if (env.getOrDefault("RSET_TABLE", "").isBlank()) {
            throw new IllegalStateException("RSET_TABLE is not set");
        }
        Clock clock = Clock.systemUTC();
        DynamoStores stores = new DynamoStores(
                DynamoStores.client(region, endpoint, DefaultCredentialsProvider.builder().build()),
                DynamoConfig.fromEnv(env), clock);
        Duration margin = Optional.ofNullable(env.get("RSET_CLOCK_MARGIN_MS")).filter(s -> !s.isBlank())
                .map(ms -> Duration.ofMillis(Long.parseLong(ms))).orElse(DEFAULT_CLOCK_MARGIN);
        return new QueuedPairRunner(stores.pairRuns(), pairReconciler(env, stores, clock), clock, margin);
    }

    /**
     * ===== LEAD: FILL IN WHEN THE {@code reconciler} BRANCH MERGES =====
     * Build {@code ResourceSetReconciler} here from {@code stores} (definitions, inputs, inventories,
     * statuses, schedules), the Secrets Manager store ({@code RSET_SECRET_PREFIX}) and the delivery
     * module's cluster connector. It is called for different pairs from several threads at once
     * (one per pair of a batch), so it must not share per-run state between calls.
     */
    static PairReconciler pairReconciler(Map<String, String> env, DynamoStores stores, Clock clock) {
        throw new IllegalStateException("Wiring.pairReconciler: ResourceSetReconciler is not wired yet "
                + "(it arrives with the reconciler branch)");
    }
}
