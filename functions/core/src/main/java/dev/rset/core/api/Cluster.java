package dev.rset.core.api;

import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A target cluster ({@code rset.dev/v1alpha1}, cluster-scoped). Credentials are never part of a
 * stored Cluster: {@code spec.auth} is either a kubeconfig held in a secret, or an EKS cluster
 * reached by assuming an IAM role. A kubeconfig may be sent inline ({@code kubeconfig.value})
 * once, at registration; the API moves it to Secrets Manager and stores only the reference.
 * {@code spec.network.allowPrivate: true} lets the API server resolve to a private address
 * (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7); without it such a server is refused.
 */
public record Cluster(ObjectMeta metadata, URI server, String caData, ClusterAuth auth, Network network,
        Map<String, Object> raw) {
    public static final String API_VERSION = "rset.dev/v1alpha1";
    public static final String KIND = "Cluster";
    public static final String DEFAULT_NAME = "default";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]+");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    public static Cluster from(Map<String, Object> manifest) {
        Manifests.Named read = Manifests.read(manifest, API_VERSION, KIND);
        ObjectMeta meta = read.meta();
        Fields named = read.fields();
        if (!DNS_SUBDOMAIN.matcher(meta.name()).matches()) {
            throw named.error("metadata.name", "\"" + meta.name() + "\" must be a lowercase DNS name");
        }
        if (!meta.namespace().isEmpty()) {
            throw named.error("metadata.namespace", "Cluster is cluster-scoped: namespace must not be set");
        }
        Fields spec = named.objectOrEmpty("spec");
        String server = spec.requiredString("server");
        URI uri;
        try {
            uri = new URI(server);
        } catch (java.net.URISyntaxException e) {
            throw spec.error("server", "\"" + server + "\" is not a URL: " + e.getReason());
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw spec.error("server", "\"" + server + "\" must be an https:// URL of the Kubernetes API server");
        }
        String ca = spec.string("caData");
        if (!ca.isEmpty()) {
            try {
                Base64.getDecoder().decode(ca.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw spec.error("caData", "must be the base64-encoded PEM CA bundle");
            }
        }
        Fields network = spec.objectOrEmpty("network");
        return new Cluster(meta, uri, ca, readAuth(spec.objectOrEmpty("auth")), new Network(network.bool("allowPrivate")),
                manifest);
    }

    /** Which address ranges the API server may be in, beyond public ones. */
    public record Network(boolean allowPrivate) {
        public static final Network PUBLIC_ONLY = new Network(false);
    }

    private static ClusterAuth readAuth(Fields auth) {
        Fields kubeconfig = auth.object("kubeconfig");
        Fields eks = auth.object("eks");
        if ((kubeconfig == null) == (eks == null)) {
            throw auth.fail("spec.auth: exactly one of kubeconfig or eks must be set");
        }
        if (kubeconfig != null) {
            Fields ref = kubeconfig.object("secretRef");
            String value = kubeconfig.string("value");
            if ((ref == null) == value.isEmpty()) {
                throw kubeconfig.error("secretRef", "exactly one of secretRef or value must be set");
            }
            return new ClusterAuth.Kubeconfig(ref == null ? "" : ref.requiredString("name"), value);
        }
        String role = eks.requiredString("roleArn");
        if (!ROLE_ARN.matcher(role).matches()) {
            throw eks.error("roleArn", "\"" + role + "\" is not an IAM role ARN");
        }
        return new ClusterAuth.Eks(eks.requiredString("clusterName"), role, eks.string("region"));
    }

    public String name() {
        return metadata.name();
    }

    /** Never prints credentials: records would otherwise show every field. */
    @Override
    public String toString() {
        return "Cluster[" + metadata.name() + " " + server + " " + auth + "]";
    }
}
