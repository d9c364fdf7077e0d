package dev.rset.reconciler.live;

import dev.rset.delivery.ClusterConnector;
import dev.rset.delivery.SecretReader;
import dev.rset.delivery.access.AccessSettings;
import dev.rset.delivery.access.AddressPolicy;
import dev.rset.delivery.access.ClusterClients;
import dev.rset.delivery.access.Fabric8ClusterConnector;
import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import dev.rset.testclusters.KubeCluster;
import dev.rset.testclusters.TestClusters;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Admin clients of the kube-apiserver test clusters, for the tests' own checks, and the control
 * plane's real connector over them: kubeconfigs in moto's Secrets Manager under the control
 * plane's prefix, the address rules with loopback allowed (as {@code rset dev} and the tests set).
 */
public final class TestClusterConnector {
    private TestClusterConnector() {
    }

    /** The production connector, after storing each test cluster's kubeconfig where a Cluster's secretRef points. */
    static ClusterConnector connector(SecretStore secrets) {
        for (String name : List.of("a", "b")) {
            secrets.put("rset/clusters/" + name + "/kubeconfig", TestClusters.shared().cluster(name).kubeconfig(),
                    "test cluster " + name);
        }
        AccessSettings settings = AccessSettings.fromEnv(Map.of("RSET_ALLOW_LOOPBACK_CLUSTERS", "true"));
        SecretReader reader = ref -> secrets.get(new SecretRef(ref));
        return new Fabric8ClusterConnector(new ClusterClients(settings, reader,
                AddressPolicy.system(settings.allowLoopback()), (cluster, role) -> {
                    throw new AssertionError("no EKS clusters in these tests");
                }));
    }

    /** A client of the cluster's admin user ({@code system:masters}), for a test's own checks. */
    public static KubernetesClient admin(KubeCluster cluster) {
        Config config = Config.empty();
        config.setMasterUrl(cluster.server().toString());
        config.setCaCertData(Base64.getEncoder().encodeToString(cluster.caPem().getBytes(StandardCharsets.UTF_8)));
        config.setOauthToken(cluster.adminToken());
        config.setRequestTimeout(10_000);
        config.setConnectionTimeout(3_000);
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
