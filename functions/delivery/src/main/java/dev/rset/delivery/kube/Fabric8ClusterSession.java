package dev.rset.delivery.kube;

import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.Change;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.Health;
import dev.rset.delivery.ObjectRef;
import dev.rset.delivery.apply.Applier;
import dev.rset.delivery.health.HealthWaiter;
import dev.rset.delivery.prune.Pruner;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ClusterSession} over a fabric8 client the connector has built (credentials, address
 * checks and impersonation are its business). Owns the client: closing the session closes it.
 */
public final class Fabric8ClusterSession implements ClusterSession {
    private final KubernetesClient client;
    private final ClusterApi api;

    public Fabric8ClusterSession(String cluster, KubernetesClient client) {
        this.client = client;
        this.api = new ClusterApi(cluster, client);
    }

    @Override
    public String cluster() {
        return api.cluster();
    }

    @Override
    public List<Change> apply(List<Map<String, Object>> objects, ApplyOptions options) {
        return new Applier(api).apply(objects, options);
    }

    @Override
    public List<Change> prune(List<ObjectRef> stale, Map<String, String> ownerLabels, Duration timeout) {
        return new Pruner(api).prune(stale, ownerLabels, timeout);
    }

    @Override
    public Health waitForHealthy(List<ObjectRef> objects, Duration timeout) {
        return new HealthWaiter(api).waitForHealthy(objects, timeout);
    }

    @Override
    public Optional<Map<String, Object>> get(ObjectRef object) {
        return api.get(object);
    }

    @Override
    public void close() {
        client.close();
    }
}
