package dev.rset.cli.dev;

import dev.rset.api.ApiHandler;
import dev.rset.api.Router;
import dev.rset.api.access.ConnectorClusterAccess;
import dev.rset.api.local.LocalGateway;
import dev.rset.api.resources.ControlPlane;
import dev.rset.delivery.SecretReader;
import dev.rset.delivery.access.AccessSettings;
import dev.rset.delivery.access.AddressPolicy;
import dev.rset.delivery.access.ClusterClients;
import dev.rset.delivery.access.Fabric8ClusterConnector;
import dev.rset.delivery.access.RegistrationChecks;
import dev.rset.dispatcher.Dispatcher;
import dev.rset.dispatcher.Placements;
import dev.rset.events.EventSources;
import dev.rset.reconciler.PairReconciler.Outcome;
import dev.rset.reconciler.PairRequest;
import dev.rset.reconciler.ReconcilerStores;
import dev.rset.reconciler.ResourceSetReconciler;
import dev.rset.reconciler.render.RenderCache;
import dev.rset.reconciler.inputs.ResourceSetInputs;
import dev.rset.reconciler.notify.ForgeNotifications;
import dev.rset.forge.providers.ProviderPoller;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.scheduler.SchedulerHandler;
import dev.rset.scheduler.SchedulerStores;
import dev.rset.scheduler.Tick;
import dev.rset.scheduler.Wiring;
import dev.rset.store.SecretNames;
import dev.rset.store.SecretRef;
import dev.rset.store.secrets.FileSecretStore;
import dev.rset.store.sqlite.SqliteStores;
import dev.rset.webhook.WebhookHandler;
import dev.rset.webhook.WebhookService;
import dev.rset.webhook.inputs.InputWriter;
import dev.rset.webhook.receivers.ReceiverDirectory;
import dev.rset.store.secrets.ReceiverTokens;
import dev.rset.providers.aws.AwsSdkSources;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Every function of the stack in one process, wired as the stack wires them: the management API
 * and the webhook behind one local gateway with API Gateway's routes, an in-process bus carrying
 * the same events to the dispatcher, the pair queue feeding the reconciler, and the scheduler on a
 * local timer (polling providers, reconciling ResourceSets on their interval). State lives in
 * SQLite and a 0600 secrets file under the state directory, so it survives restarts.
 */
final class DevControlPlane implements AutoCloseable {
    /** Where Receiver tokens and cluster kubeconfigs live in the secrets file, as under Secrets Manager. */
    static final String SECRET_PREFIX = "rset";

    private final Path stateDir;
    private final SqliteStores stores;
    private final FileSecretStore secrets;
    private final LocalPairQueue queue;
    private final LocalSchedule schedule;
    private final LocalGateway gateway;

    private DevControlPlane(Path stateDir, SqliteStores stores, FileSecretStore secrets, LocalPairQueue queue,
            LocalSchedule schedule, LocalGateway gateway) {
        this.stateDir = stateDir;
        this.stores = stores;
        this.secrets = secrets;
        this.queue = queue;
        this.schedule = schedule;
        this.gateway = gateway;
    }

    /**
     * Starts on {@code port} of 127.0.0.1; {@code directories} are the clusters kept as local
     * directories; {@code finished} hears of every reconcile run. Throws {@link java.net.BindException}
     * when the port is taken (nothing is left running then).
     */
    static DevControlPlane start(Path stateDir, int port, Map<String, Path> directories, Map<String, String> env,
            BiConsumer<PairRequest, Outcome> finished) throws IOException {
        return start(stateDir, port, directories, env, Clock.systemUTC(), finished);
    }

    /** As above on {@code clock} (tests move it to make objects due). */
    static DevControlPlane start(Path stateDir, int port, Map<String, Path> directories, Map<String, String> env,
            Clock clock, BiConsumer<PairRequest, Outcome> finished) throws IOException {
        Map<String, String> settingsEnv = new HashMap<>(env);
        // Clusters on this machine (kind, k3d, minikube) are the point of a local run.
        settingsEnv.put("RSET_ALLOW_LOOPBACK_CLUSTERS", "true");
        settingsEnv.putIfAbsent("RSET_SECRET_PREFIX", SECRET_PREFIX);
        AccessSettings access = AccessSettings.fromEnv(settingsEnv);
        SqliteStores stores = SqliteStores.open(stateDir, clock);
        FileSecretStore secrets = FileSecretStore.inStateDir(stateDir, env);
        SecretReader reader = ref -> secrets.get(new SecretRef(ref));
        ClusterClients clients = new ClusterClients(access, reader, AddressPolicy.system(true), (name, eks) -> {
            throw new IllegalStateException("rset dev reaches EKS clusters through a kubeconfig (aws eks update-kubeconfig)");
        });

        RenderCache renders = new RenderCache(64);
        // Pull request notifications as the Lambda sends them: the forge tokens are local secrets here.
        ForgeNotifications notifications = new ForgeNotifications(new ForgeNotifications.Ports(stores.definitions(),
                new ResourceSetInputs(stores.definitions(), stores.inputs()), renders, stores.statuses(), secrets,
                access.secretPrefix(), ProviderPoller.defaultClientWhenUsed(), new GitHubAppTokens(), clock,
                ForgeNotifications.DEFAULT_BUDGET));
        ResourceSetReconciler reconciler = new ResourceSetReconciler(new ReconcilerStores(stores.definitions(),
                stores.inputs(), stores.inventories(), stores.statuses(), stores.schedules()),
                new DevClusters(directories, new Fabric8ClusterConnector(clients)), access::identity,
                renders, clock, notifications);
        LocalPairQueue queue = new LocalPairQueue(reconciler, 4, finished);
        LocalBus bus = new LocalBus(new Dispatcher(new Placements(stores.definitions(), stores.inventories()), queue,
                clock), EventSources.WEBHOOK);

        ControlPlane plane = new ControlPlane(stores.definitions(), stores.statuses(), stores.schedules(),
                stores.inputs(), stores.inventories(), secrets, access.secretPrefix(),
                new ConnectorClusterAccess(new RegistrationChecks(access, AddressPolicy.system(true), reader), clients),
                clock, Optional.of(bus.from(EventSources.API)));
        ReceiverDirectory receivers = new ReceiverDirectory(stores.definitions(),
                new ReceiverTokens(secrets, new SecretNames(access.secretPrefix())), clock, Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                new java.security.SecureRandom());
        WebhookService hooks = new WebhookService(receivers, stores.definitions(), clock, Duration.ofSeconds(1),
                new InputWriter(stores.inputs()), bus, stores.schedules(),
                SqliteStores.DEFAULT_TOMBSTONE_TTL);
        // The scheduler as the stack builds it, its polls' secrets in the local file, AWS sources (CodeCommit, ECR)
        // read with the user's own AWS credentials (clients made only when such a provider exists); its timer
        // starts on request.
        LocalSchedule schedule = new LocalSchedule(new SchedulerHandler(Wiring.tick(
                new SchedulerStores(stores.definitions(), stores.inputs(), stores.schedules(), stores.statuses()),
                bus.from(EventSources.SCHEDULER), Wiring.forgePoller(secrets, access.secretPrefix(),
                        stores.inputs(), new AwsSdkSources(DefaultCredentialsProvider.builder().build(),
                                AwsSdkSources.Endpoints.AWS, clock), clock), Tick.Limits.DEFAULT), clock));
        LocalGateway gateway;
        try {
            gateway = LocalGateway.start(port, List.of(
                    new LocalGateway.Route("/v1/", "ANY /v1/{proxy+}", new ApiHandler(new Router(plane))),
                    new LocalGateway.Route("/hook/", "POST /hook/{digest}", new WebhookHandler(hooks, clock))));
        } catch (IOException e) {
            schedule.close();
            queue.close();
            stores.close();
            throw e;
        }
        return new DevControlPlane(stateDir, stores, secrets, queue, schedule, gateway);
    }

    URI endpoint() {
        return gateway.endpoint();
    }

    Path stateDir() {
        return stateDir;
    }

    SqliteStores stores() {
        return stores;
    }

    FileSecretStore secrets() {
        return secrets;
    }

    LocalPairQueue queue() {
        return queue;
    }

    /** The scheduler's timer: off until {@link LocalSchedule#every} starts it. */
    LocalSchedule schedule() {
        return schedule;
    }

    /** Stops taking work first (the timer, then the routes), then lets the runs finish. */
    @Override
    public void close() {
        schedule.close();
        gateway.close();
        queue.close();
        stores.close();
    }
}
