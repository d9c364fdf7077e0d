package dev.rset.reconciler.lambda;

import dev.rset.delivery.ClusterConnector;
import dev.rset.delivery.Identity;
import dev.rset.reconciler.PairReconciler;
import dev.rset.reconciler.ReconcilerStores;
import dev.rset.reconciler.ResourceSetReconciler;
import dev.rset.reconciler.render.RenderCache;
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

    /** Renders kept per container; the runs of one ResourceSet on its clusters share them. */
    static final int RENDER_CACHE_ENTRIES = 64;

    /**
     * The reconciler over the table's stores. It keeps no per-run state, so the threads of a batch
     * share it (and its render cache); {@code RSET_DEFAULT_SERVICE_ACCOUNT} ({@code namespace/name})
     * is impersonated for ResourceSets that name no service account.
     */
    static PairReconciler pairReconciler(Map<String, String> env, DynamoStores stores, Clock clock) {
        return new ResourceSetReconciler(new ReconcilerStores(stores.definitions(), stores.inputs(),
                stores.inventories(), stores.statuses(), stores.schedules()), connector(env, stores),
                defaultIdentity(env), new RenderCache(RENDER_CACHE_ENTRIES), clock);
    }

    static Identity defaultIdentity(Map<String, String> env) {
        String sa = env.getOrDefault("RSET_DEFAULT_SERVICE_ACCOUNT", "").trim();
        if (sa.isEmpty()) {
            return Identity.CONTROL_PLANE;
        }
        int slash = sa.indexOf('/');
        if (slash <= 0 || slash == sa.length() - 1 || sa.indexOf('/', slash + 1) >= 0) {
            throw new IllegalStateException("RSET_DEFAULT_SERVICE_ACCOUNT must be <namespace>/<name>, got \""
                    + sa + "\"");
        }
        return Identity.serviceAccount(sa.substring(0, slash), sa.substring(slash + 1));
    }

    /**
     * ===== LEAD: FILL IN WHEN THE {@code access} BRANCH MERGES =====
     * The delivery module's cluster connector over the Secrets Manager store
     * ({@code RSET_SECRET_PREFIX}) and the control plane's address rules.
     */
    static ClusterConnector connector(Map<String, String> env, DynamoStores stores) {
        throw new IllegalStateException("Wiring.connector: the cluster connector is not wired yet "
                + "(it arrives with the access branch)");
    }
}
