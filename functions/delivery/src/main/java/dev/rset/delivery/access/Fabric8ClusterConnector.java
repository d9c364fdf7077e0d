package dev.rset.delivery.access;

import dev.rset.core.api.Cluster;
import dev.rset.delivery.ClusterConnector;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.Identity;
import dev.rset.delivery.kube.Fabric8ClusterSession;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.function.BiFunction;

/**
 * Opens sessions on fabric8 clients built by {@link ClusterClients} (address and kubeconfig
 * checks at connect time, impersonation of the identity). What a session does with its client is
 * {@code sessions}' business: it receives the cluster's name and the client, and owns (closes) it.
 */
public final class Fabric8ClusterConnector implements ClusterConnector {
    private final ClusterClients clients;
    private final BiFunction<String, KubernetesClient, ClusterSession> sessions;

    /** Sessions that apply, prune and wait through fabric8 ({@link Fabric8ClusterSession}). */
    public Fabric8ClusterConnector(ClusterClients clients) {
        this(clients, Fabric8ClusterSession::new);
    }

    public Fabric8ClusterConnector(ClusterClients clients, BiFunction<String, KubernetesClient, ClusterSession> sessions) {
        this.clients = clients;
        this.sessions = sessions;
    }

    @Override
    public ClusterSession open(Cluster cluster, Identity identity) {
        KubernetesClient client = clients.open(cluster, identity);
        try {
            return sessions.apply(cluster.name(), client);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
