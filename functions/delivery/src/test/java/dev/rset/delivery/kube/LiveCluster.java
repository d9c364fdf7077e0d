package dev.rset.delivery.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A fabric8 client for a real test cluster, built from its server, CA and admin token (never a file). */
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
        Endpoint endpoint = Endpoint.current();
        Config config = Config.empty();
        config.setMasterUrl(endpoint.server());
        config.setCaCertData(Base64.getEncoder().encodeToString(endpoint.caPem().getBytes(StandardCharsets.UTF_8)));
        config.setOauthToken(endpoint.token());
        config.setRequestTimeout(10_000);
        if (impersonate != null) {
            config.setImpersonateUsername(impersonate);
        }
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    record Endpoint(String server, String caPem, String token) {
        static Endpoint current() {
            try {
                return new Endpoint(System.getenv("RSET_DEV_K8S_SERVER"),
                        java.nio.file.Files.readString(java.nio.file.Path.of(System.getenv("RSET_DEV_K8S_CA"))),
                        System.getenv("RSET_DEV_K8S_TOKEN"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
