package dev.rset.delivery.access;

import dev.rset.core.api.Cluster;
import dev.rset.core.api.ClusterAuth;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import dev.rset.delivery.Identity;
import dev.rset.delivery.SecretReader;
import dev.rset.delivery.kube.ApiErrors;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds fabric8 clients for registered clusters, safely: the API server's addresses are checked
 * right before each client is built, credentials come only from the Cluster (a kubeconfig in this
 * control plane's secrets, checked by {@link KubeconfigPolicy}, or an EKS token), and nothing is
 * read from the environment, system properties or {@code ~/.kube/config}. The client never
 * follows redirects and never uses a proxy, so an API server cannot send the control plane (and
 * its bearer token) somewhere else.
 */
public final class ClusterClients {
    /** An IAM token for an EKS Cluster ({@link AssumedRoleTokens#token} in production). */
    @FunctionalInterface
    public interface EksTokenSource {
        String token(String clusterName, ClusterAuth.Eks eks);
    }

    static final Duration PROBE_CONNECT = Duration.ofSeconds(5);
    static final Duration PROBE_REQUEST = Duration.ofSeconds(10);

    private final AccessSettings settings;
    private final SecretReader secrets;
    private final AddressPolicy addresses;
    private final EksTokenSource eks;

    public ClusterClients(AccessSettings settings, SecretReader secrets, AddressPolicy addresses, EksTokenSource eks) {
        this.settings = settings;
        this.secrets = secrets;
        this.addresses = addresses;
        this.eks = eks;
    }

    /** A client for {@code cluster} acting as {@code identity}; the caller closes it. */
    public KubernetesClient open(Cluster cluster, Identity identity) {
        return client(config(cluster, identity));
    }

    /**
     * The connectivity check of registration: {@code GET /version} with the registered
     * credentials; returns the server's git version ({@code v1.37.2}).
     */
    public String serverVersion(Cluster cluster) {
        // Short timeouts: the API answers within API Gateway's 30 s, however slow the cluster is.
        Config config = new ConfigBuilder(config(cluster, Identity.CONTROL_PLANE))
                .withConnectionTimeout((int) PROBE_CONNECT.toMillis()).withRequestTimeout((int) PROBE_REQUEST.toMillis())
                .build();
        try (KubernetesClient client = client(config)) {
            return client.getKubernetesVersion().getGitVersion();
        } catch (KubernetesClientException e) {
            throw failure(cluster, e);
        }
    }

    /** What the API server said, as the reason the status reports; never the request's headers. */
    public static DeliveryException failure(Cluster cluster, KubernetesClientException e) {
        String where = "cluster " + cluster.name() + " (" + cluster.server() + "): ";
        if (e.getCode() <= 0) {
            // No HTTP answer at all (fabric8 uses 0 or -1): refused, reset, TLS failure, timeout.
            return new DeliveryException(Reason.UNREACHABLE, null, where + "cannot connect: "
                    + ApiErrors.serverMessage(e), e);
        }
        return switch (e.getCode()) {
            case 401 -> new DeliveryException(Reason.UNREACHABLE, null, where
                    + "the API server refused the credentials (401 Unauthorized)", e);
            case 403 -> new DeliveryException(Reason.FORBIDDEN, null, where + ApiErrors.serverMessage(e), e);
            default -> new DeliveryException(Reason.UNREACHABLE, null, where + "HTTP " + e.getCode() + ": "
                    + ApiErrors.serverMessage(e), e);
        };
    }

    /**
     * The clients a control-plane function uses: checks by {@code settings}, kubeconfigs from
     * {@code secrets}, EKS roles assumed through {@code sts}.
     */
    public static ClusterClients forControlPlane(AccessSettings settings, SecretReader secrets,
            software.amazon.awssdk.services.sts.StsClient sts, java.time.Clock clock) {
        return forControlPlane(settings, secrets, () -> sts, clock);
    }

    /**
     * {@link #forControlPlane(AccessSettings, SecretReader, software.amazon.awssdk.services.sts.StsClient,
     * java.time.Clock)} asking {@code sts} for the client only when an EKS Cluster needs a token: a
     * function passes one that builds it then, so that a start without EKS does not.
     */
    public static ClusterClients forControlPlane(AccessSettings settings, SecretReader secrets,
            java.util.function.Supplier<software.amazon.awssdk.services.sts.StsClient> sts, java.time.Clock clock) {
        return new ClusterClients(settings, secrets, AddressPolicy.system(settings.allowLoopback()),
                (clusterName, eks) -> new AssumedRoleTokens(sts.get(), settings, clock).token(clusterName, eks));
    }

    /**
     * The fabric8 configuration: built from {@link Config#empty()}, so nothing is auto-configured.
     * fabric8's {@code Config.toString()} prints the token: a Config never leaves this class.
     */
    Config config(Cluster cluster, Identity identity) {
        ConfigBuilder b = new ConfigBuilder(Config.empty())
                .withMasterUrl(cluster.server().toString())
                .withTrustCerts(false).withDisableHostnameVerification(false)
                .withConnectionTimeout((int) settings.connectTimeout().toMillis())
                .withRequestTimeout((int) settings.requestTimeout().toMillis())
                // Retries belong to the reconciler's queue, which backs off per (ResourceSet, cluster) pair.
                .withRequestRetryBackoffLimit(0);
        try {
            addresses.check(cluster.server(), cluster.network());
            if (cluster.auth() instanceof ClusterAuth.Kubeconfig k) {
                KubeconfigCredentials c = kubeconfig(cluster, k);
                String ca = cluster.caData().isEmpty() ? c.certificateAuthorityData() : cluster.caData();
                if (!ca.isEmpty()) {
                    b.withCaCertData(ca.replaceAll("\\s", ""));
                }
                if (c.usesToken()) {
                    b.withOauthToken(c.token());
                } else {
                    b.withClientCertData(c.clientCertificateData()).withClientKeyData(c.clientKeyData());
                }
            } else if (cluster.auth() instanceof ClusterAuth.Eks e) {
                if (!cluster.caData().isEmpty()) {
                    b.withCaCertData(cluster.caData().replaceAll("\\s", ""));
                }
                b.withOauthToken(eks.token(cluster.name(), e));
            }
        } catch (AccessRefusedException e) {
            throw new DeliveryException(Reason.REFUSED_ACCESS, "cluster " + cluster.name() + ": " + e.getMessage());
        }
        if (identity.impersonates()) {
            b.withImpersonateUsername(identity.userName())
                    .withImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + identity.namespace());
        }
        return b.build();
    }

    private KubeconfigCredentials kubeconfig(Cluster cluster, ClusterAuth.Kubeconfig k) {
        if (k.inline()) {
            return KubeconfigPolicy.check(k.value(), cluster.server());
        }
        settings.checkSecretRef(k.secretRef());
        String kubeconfig = secrets.read(k.secretRef()).orElseThrow(() -> new AccessRefusedException(
                "spec.auth.kubeconfig.secretRef.name", "the secret \"" + k.secretRef() + "\" does not exist"));
        try {
            return KubeconfigPolicy.check(kubeconfig, cluster.server());
        } catch (AccessRefusedException e) {
            throw new AccessRefusedException("kubeconfig in secret \"" + k.secretRef() + "\"", e.getMessage());
        }
    }

    /** The one place clients are made: the JDK HTTP client without redirects or proxies. */
    static KubernetesClient client(Config config) {
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new DirectHttpClients()).build();
    }

    /** fabric8 always asks its HTTP clients to follow redirects; this factory takes that back. */
    static final class DirectHttpClients extends JdkHttpClientFactory {
        @Override
        protected void additionalConfig(HttpClient.Builder builder) {
            builder.followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY);
        }
    }
}
