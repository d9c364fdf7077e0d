package dev.rset.delivery.kube;

import dev.rset.testclusters.KubeCluster;
import dev.rset.testclusters.TestClusters;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A fabric8 client for test cluster {@code a}, built from its server, CA and admin token (never a file). */
public final class LiveCluster {
    private LiveCluster() {
    }

    public static KubernetesClient admin() {
        return client(null);
    }

    /** A client whose requests impersonate {@code user}, as the connector's are. */
    public static KubernetesClient as(String user) {
        return client(user);
    }

    private static KubernetesClient client(String impersonate) {
        KubeCluster cluster = TestClusters.shared().a();
        Config config = Config.empty();
        config.setMasterUrl(cluster.server().toString());
        config.setCaCertData(Base64.getEncoder().encodeToString(cluster.caPem().getBytes(StandardCharsets.UTF_8)));
        config.setOauthToken(cluster.adminToken());
        config.setRequestTimeout(10_000);
        if (impersonate != null) {
            config.setImpersonateUsername(impersonate);
        }
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
