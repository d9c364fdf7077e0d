package dev.rset.reconciler.live;

import dev.rset.core.api.Cluster;
import dev.rset.delivery.ClusterConnector;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.Identity;
import dev.rset.delivery.kube.Fabric8ClusterSession;
import dev.rset.testclusters.KubeCluster;
import dev.rset.testclusters.TestClusters;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opens real sessions on the kube-apiserver test clusters, by the registered Cluster's name, with
 * the cluster's admin token and the run's identity impersonated: the wiring the production
 * connector (credentials from the secrets store, address rules) does, without its checks.
 */
final class TestClusterConnector implements ClusterConnector {
    @Override
    public ClusterSession open(Cluster cluster, Identity identity) {
        return new Fabric8ClusterSession(cluster.name(), client(TestClusters.shared().cluster(cluster.name()),
                identity));
    }

    static KubernetesClient admin(KubeCluster cluster) {
        return client(cluster, Identity.CONTROL_PLANE);
    }

    private static KubernetesClient client(KubeCluster cluster, Identity identity) {
        Config config = Config.empty();
        config.setMasterUrl(cluster.server().toString());
        config.setCaCertData(Base64.getEncoder().encodeToString(cluster.caPem().getBytes(StandardCharsets.UTF_8)));
        config.setOauthToken(cluster.adminToken());
        config.setRequestTimeout(10_000);
        config.setConnectionTimeout(3_000);
        config.setRequestRetryBackoffLimit(0);
        if (identity.impersonates()) {
            config.setImpersonateUsername(identity.userName());
        }
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
