package dev.rset.reconciler.lambda;

import dev.rset.store.aws.FunctionCredentials;
import dev.rset.delivery.ClusterConnector;
import dev.rset.delivery.SecretReader;
import dev.rset.delivery.access.AccessSettings;
import dev.rset.delivery.access.ClusterClients;
import dev.rset.delivery.access.Fabric8ClusterConnector;
import dev.rset.store.SecretRef;
import dev.rset.store.SecretNames;
import dev.rset.store.SecretStore;
import dev.rset.store.aws.FunctionEnvironment;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import dev.rset.reconciler.PairReconciler;
import dev.rset.reconciler.ReconcilerStores;
import dev.rset.reconciler.ResourceSetReconciler;
import dev.rset.reconciler.render.RenderCache;
import dev.rset.reconciler.inputs.ResourceSetInputs;
import dev.rset.reconciler.notify.ForgeNotifications;
import dev.rset.reconciler.notify.Notifications;
import dev.rset.forge.providers.ProviderPoller;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
        return build(env, FunctionCredentials.fromEnv(env), Clock.systemUTC());
    }

    /** {@code credentials} replaces the default provider chain (local emulators in tests and benchmarks). */
    public static QueuedPairRunner build(Map<String, String> env, AwsCredentialsProvider credentials, Clock clock) {
        FunctionEnvironment fn = new FunctionEnvironment(env);
        fn.required("RSET_TABLE");
        DynamoStores stores = new DynamoStores(fn.client(DynamoDbClient.builder(), credentials, fn.endpoint()),
                DynamoConfig.fromEnv(env), clock);
        Duration margin = fn.optional("RSET_CLOCK_MARGIN_MS").map(ms -> Duration.ofMillis(Long.parseLong(ms)))
                .orElse(DEFAULT_CLOCK_MARGIN);
        return new QueuedPairRunner(stores.pairRuns(), pairReconciler(env, stores, credentials, clock), clock, margin);
    }

    /** Renders kept per container; the runs of one ResourceSet on its clusters share them. */
    static final int RENDER_CACHE_ENTRIES = 64;

    /**
     * The reconciler over the table's stores. It keeps no per-run state, so the threads of a batch
     * share it (and its render cache). Who it acts as, and which clusters it may reach, follow
     * {@link AccessSettings} ({@code RSET_DEFAULT_SERVICE_ACCOUNT}, {@code RSET_ALLOW_LOOPBACK_CLUSTERS}, ...).
     */
    static PairReconciler pairReconciler(Map<String, String> env, DynamoStores stores,
            AwsCredentialsProvider credentials, Clock clock) {
        AccessSettings access = AccessSettings.fromEnv(env);
        SecretStore secrets = secrets(env, credentials);
        RenderCache renders = new RenderCache(RENDER_CACHE_ENTRIES);
        Notifications notifications = new ForgeNotifications(new ForgeNotifications.Ports(stores.definitions(),
                new ResourceSetInputs(stores.definitions(), stores.inputs()), renders, stores.statuses(), secrets,
                env.getOrDefault("RSET_SECRET_PREFIX", SecretNames.DEFAULT_PREFIX), ProviderPoller.defaultClientWhenUsed(),
                new GitHubAppTokens(), clock, ForgeNotifications.DEFAULT_BUDGET));
        return new ResourceSetReconciler(new ReconcilerStores(stores.definitions(), stores.inputs(),
                stores.inventories(), stores.statuses(), stores.schedules()), connector(env, access, secrets,
                credentials, clock), access::identity, renders, clock, notifications);
    }

    /** This control plane's Secrets Manager ({@code RSET_AWS_ENDPOINT}: a local emulator). */
    static SecretStore secrets(Map<String, String> env, AwsCredentialsProvider credentials) {
        FunctionEnvironment fn = new FunctionEnvironment(env);
        return new SecretsManagerSecretStore(fn.client(SecretsManagerClient.builder(), credentials, fn.endpoint()));
    }

    /**
     * Cluster connections as every function makes them: kubeconfigs only from this control plane's
     * Secrets Manager prefix, the address rules checked at connect time, EKS through allow-listed
     * roles ({@code RSET_AWS_ENDPOINT} / {@code RSET_STS_ENDPOINT}: local emulators).
     */
    static ClusterConnector connector(Map<String, String> env, AccessSettings access, SecretStore secrets,
            AwsCredentialsProvider credentials, Clock clock) {
        FunctionEnvironment fn = new FunctionEnvironment(env);
        SecretReader reader = ref -> secrets.get(new SecretRef(ref));
        Supplier<StsClient> sts = fn.clientWhenUsed(StsClient::builder, credentials, fn.endpoint("RSET_STS_ENDPOINT"));
        return new Fabric8ClusterConnector(ClusterClients.forControlPlane(access, reader, sts, clock));
    }
}
