package dev.rset.reconciler.notify;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.inputs.InputsException;
import dev.rset.forge.notify.ChangeRequestNotifier;
import dev.rset.forge.notify.ChangeRequestReport;
import dev.rset.forge.notify.Forge;
import dev.rset.forge.notify.NotificationPolicy;
import dev.rset.forge.notify.Notice;
import dev.rset.forge.notify.Notifiers;
import dev.rset.forge.providers.Credentials;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.reconciler.inputs.ResourceSetInputs;
import dev.rset.reconciler.render.RenderCache;
import dev.rset.reconciler.render.Rendered;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.Placements;
import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import dev.rset.store.StatusStore;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Notifications through the forges' APIs, for ResourceSets with a {@link NotificationPolicy}. The
 * repository is the change-request provider's {@code spec.url}; the token is the policy's
 * {@code secretRef}, or else the provider's, read from {@code <prefix>/secrets/<namespace>/<name>}.
 * What each change request was told is remembered ({@link NotifiedLog}: the head commit, the state and
 * a digest of the rendered status and comment) so that a steady state sends nothing while a new
 * reason or cluster table on the same commit is sent; a failed delivery is not remembered, so the
 * next run sends it again.
 */
public final class ForgeNotifications implements Notifications {
    private static final System.Logger LOG = System.getLogger(ForgeNotifications.class.getName());
    /** Every forge call of one run shares this budget; a slow forge cannot hold a run for long. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(20);

    /**
     * The stores and clients notifications read and use; {@code client} is asked when a forge is
     * told something, so a cold start without notification policies makes no HTTP client.
     */
    public record Ports(DefinitionStore definitions, ResourceSetInputs inputs, RenderCache renders,
            StatusStore statuses, SecretStore secrets, String secretPrefix, Supplier<HttpClient> client,
            GitHubAppTokens appTokens, Clock clock, Duration budget) {
    }

    private final Ports ports;

    public ForgeNotifications(Ports ports) {
        this.ports = ports;
    }

    @Override
    public void beforeRun(ResourceSet rset, long generation) {
        notify(rset, generation, true);
    }

    @Override
    public void afterRun(ResourceSet rset, long generation) {
        notify(rset, generation, false);
    }

    private void notify(ResourceSet rset, long generation, boolean before) {
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, rset.namespace(), rset.name());
        try {
            Optional<NotificationPolicy> policy;
            try {
                policy = NotificationPolicy.from(rset.metadata().annotations());
            } catch (IllegalArgumentException e) {
                NotifiedLog.write(ports.statuses(), key, Map.of(), Optional.of(new NotifiedLog.Failure("InvalidPolicy",
                        e.getMessage())), ports.clock().instant());
                return;
            }
            if (policy.isPresent()) {
                send(rset, generation, before, key, policy.get());
            }
        } catch (InputsException | InvalidObjectException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: no notifications: {1}", key, e.getMessage());
        } catch (RuntimeException e) {
            // Never the run's problem: the next run tries again.
            LOG.log(System.Logger.Level.WARNING, "{0}: notifications failed: {1}", key, e.toString());
        }
    }

    private void send(ResourceSet rset, long generation, boolean before, ObjectKey key, NotificationPolicy policy) {
        List<Map<String, Object>> sets = ports.inputs().of(rset);
        Rendered rendered = ports.renders().render(rset, generation, sets);
        List<String> placed = Placements.targets(rset, Placements.clusterLabels(ports.definitions()));
        if (placed.isEmpty()) {
            return;
        }
        EnvironmentState env = before ? EnvironmentState.pending(placed)
                : EnvironmentState.of(placed, ports.statuses().clusters(key), rset.metadata().uid(), rendered);
        Map<String, String> log = NotifiedLog.read(ports.statuses(), key);
        Map<String, ResourceSetInputProvider> providers = new HashMap<>();
        Delivery delivery = new Delivery(policy);
        Set<String> current = new HashSet<>();
        for (Map<String, Object> values : sets) {
            ChangeRequestInput cr = ChangeRequestInput.of(values, name -> provider(rset, name, providers));
            if (cr == null) {
                continue;
            }
            current.add(cr.key());
            NotifiedLog.Told last = NotifiedLog.Told.parse(log.getOrDefault(cr.key(), ""));
            if (before && last.sha().equals(cr.input().sha())) {
                continue; // "deploying" is for a new head commit only
            }
            PreviewObjects.Found found = PreviewObjects.of(rset, values);
            ChangeRequestReport report = ChangeRequestReport.of(policy, new Notice(rset.namespace(), rset.name(),
                    env.phase(), env.reason(), cr.input(), env.clusters(), found.objects(), found.urls()));
            NotifiedLog.Told told = new NotifiedLog.Told(cr.input().sha(), env.phase().wire(), report.digest());
            if (!told.differsFrom(last)) {
                continue;
            }
            delivery.send(cr.provider(), cr.key(), told.wire(), report);
        }
        if (!before && env.phase() == Notice.Phase.SUCCESS) {
            // Change requests that are gone: their objects were pruned from every cluster.
            for (Map.Entry<String, String> gone : log.entrySet()) {
                if (current.contains(gone.getKey())) {
                    continue;
                }
                int slash = gone.getKey().lastIndexOf('/');
                ResourceSetInputProvider p = provider(rset, gone.getKey().substring(0, slash), providers);
                if (p == null) {
                    delivery.sent.put(gone.getKey(), null);
                    continue;
                }
                String sha = NotifiedLog.Told.parse(gone.getValue()).sha();
                delivery.send(p, gone.getKey(), null, ChangeRequestReport.of(policy, new Notice(rset.namespace(),
                        rset.name(), Notice.Phase.REMOVED, "", new Notice.Input(gone.getKey().substring(slash + 1), sha,
                        "", "", ""), env.clusters(), List.of(), List.of())));
            }
        }
        if (!delivery.sent.isEmpty() || delivery.failure.isPresent()) {
            NotifiedLog.write(ports.statuses(), key, delivery.sent, delivery.failure, ports.clock().instant());
        }
    }

    private ResourceSetInputProvider provider(ResourceSet rset, String name,
            Map<String, ResourceSetInputProvider> cache) {
        return cache.computeIfAbsent(name, n -> ports.definitions()
                .get(new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, rset.namespace(), n))
                .map(o -> {
                    try {
                        return ResourceSetInputProvider.from(o.manifest());
                    } catch (InvalidObjectException e) {
                        return null;
                    }
                }).orElse(null));
    }

    /** One run's sends: one HTTP budget, one notifier per provider, what was sent and the last failure. */
    private final class Delivery {
        final NotificationPolicy policy;
        final ForgeHttp http;
        final Map<String, ChangeRequestNotifier> notifiers = new HashMap<>();
        final Map<String, String> sent = new LinkedHashMap<>();
        Optional<NotifiedLog.Failure> failure = Optional.empty();

        Delivery(NotificationPolicy policy) {
            this.policy = policy;
            this.http = new ForgeHttp(ports.client().get(), ports.clock(), display(policy.forge()) + " API",
                    ports.budget());
        }

        /** {@code entry} null: forget the change request once told. */
        void send(ResourceSetInputProvider provider, String key, String entry, ChangeRequestReport report) {
            try {
                ChangeRequestNotifier n = notifiers.get(provider.name());
                if (n == null) {
                    n = Notifiers.open(policy.forge(), http, provider.spec().url(), credentials(provider),
                            ports.appTokens());
                    notifiers.put(provider.name(), n);
                }
                report.sendTo(n);
                sent.put(key, entry);
            } catch (HttpFailure f) {
                String reason = display(policy.forge()).replace(" ", "")
                        + (f.status() > 0 ? "HTTP" + f.status() : "RequestFailed");
                failure = Optional.of(new NotifiedLog.Failure(reason, f.getMessage()));
                LOG.log(System.Logger.Level.WARNING, "notification to {0} failed: {1}", key, f.getMessage());
            }
        }

        private Credentials credentials(ResourceSetInputProvider provider) throws HttpFailure {
            String ref = policy.secretRef().isEmpty() ? provider.spec().secretRef() : policy.secretRef();
            if (ref.isEmpty()) {
                return Credentials.fromSecret(Map.of());
            }
            String name = ports.secretPrefix() + "/secrets/" + provider.namespace() + "/" + ref;
            return Credentials.fromSecretValue(ports.secrets().get(new SecretRef(name)).orElseThrow(() ->
                    HttpFailure.failed("secret " + provider.namespace() + "/" + ref + " not found (store it as "
                            + name + ")")));
        }
    }

    static String display(Forge forge) {
        return switch (forge) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case GITEA -> "Gitea";
            case AZURE_DEVOPS -> "Azure DevOps";
        };
    }
}
