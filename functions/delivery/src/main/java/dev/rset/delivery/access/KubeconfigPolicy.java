package dev.rset.delivery.access;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a kubeconfig may be used by the control plane, and takes its credentials out.
 * A kubeconfig is data from a user, read inside the control plane: anything that would run a
 * command ({@code exec}, {@code auth-provider}), read a file of the control plane's machine
 * ({@code tokenFile}, {@code client-certificate}, {@code certificate-authority}, …), send traffic
 * elsewhere ({@code proxy-url}, a {@code server} other than the Cluster's) or switch off TLS
 * checks is refused. Fields are allow-listed: an unknown one is refused too, so a kubeconfig
 * feature added later cannot slip through. Every user and cluster entry is checked, not only the
 * one in use, because the whole file is kept.
 */
public final class KubeconfigPolicy {
    static final int MAX_BYTES = 256 * 1024;

    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "clusters", "contexts", "users",
            "current-context", "preferences", "extensions");
    private static final Set<String> CLUSTER_FIELDS = Set.of("server", "certificate-authority-data",
            "insecure-skip-tls-verify", "disable-compression", "extensions");
    private static final Set<String> USER_FIELDS = Set.of("token", "client-certificate-data", "client-key-data",
            "extensions");
    private static final Set<String> CONTEXT_FIELDS = Set.of("cluster", "user", "namespace", "extensions");
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("exec", "credential plugins are not allowed: they run a command on the control plane"),
            Map.entry("auth-provider", "auth providers are not allowed: they run code and read files on the control plane"),
            Map.entry("tokenFile", "file paths are not allowed: use token"),
            Map.entry("token-file", "file paths are not allowed: use token"),
            Map.entry("client-certificate", "file paths are not allowed: use client-certificate-data"),
            Map.entry("client-key", "file paths are not allowed: use client-key-data"),
            Map.entry("certificate-authority", "file paths are not allowed: use certificate-authority-data"),
            Map.entry("proxy-url", "proxies are not allowed: the control plane connects to spec.server directly"),
            Map.entry("username", "basic authentication is not supported: use a token or a client certificate"),
            Map.entry("password", "basic authentication is not supported: use a token or a client certificate"),
            Map.entry("as", "impersonation in the kubeconfig is not allowed: the control plane sets it per ResourceSet"),
            Map.entry("as-groups", "impersonation in the kubeconfig is not allowed: the control plane sets it per ResourceSet"),
            Map.entry("as-uid", "impersonation in the kubeconfig is not allowed: the control plane sets it per ResourceSet"),
            Map.entry("as-user-extra", "impersonation in the kubeconfig is not allowed: the control plane sets it per ResourceSet"),
            Map.entry("tls-server-name", "not supported: the certificate must be valid for spec.server's host"));

    private KubeconfigPolicy() {
    }

    /**
     * Checks {@code kubeconfig} and returns the credentials of its current context (or its only
     * one), whose cluster must be {@code server}. Throws {@link AccessRefusedException} naming
     * the kubeconfig field.
     */
    public static KubeconfigCredentials check(String kubeconfig, URI server) {
        Map<?, ?> doc = parse(kubeconfig);
        for (Object key : doc.keySet()) {
            refuseUnknown(String.valueOf(key), TOP_LEVEL, "");
        }
        List<Map<?, ?>> clusters = entries(doc, "clusters", "cluster", CLUSTER_FIELDS);
        List<Map<?, ?>> users = entries(doc, "users", "user", USER_FIELDS);
        List<Map<?, ?>> contexts = entries(doc, "contexts", "context", CONTEXT_FIELDS);
        for (int i = 0; i < clusters.size(); i++) {
            Object insecure = body(clusters.get(i), "cluster").get("insecure-skip-tls-verify");
            if (insecure != null && !Boolean.FALSE.equals(insecure)) {
                throw new AccessRefusedException("clusters[" + i + "].cluster.insecure-skip-tls-verify",
                        "TLS verification cannot be switched off");
            }
        }

        int c = currentContext(doc, contexts);
        Map<?, ?> context = body(contexts.get(c), "context");
        String where = "contexts[" + c + "].context";
        int clusterIndex = byName(clusters, text(context, "cluster", where), "clusters", where + ".cluster");
        int userIndex = byName(users, text(context, "user", where), "users", where + ".user");

        Map<?, ?> cluster = body(clusters.get(clusterIndex), "cluster");
        String clusterPath = "clusters[" + clusterIndex + "].cluster";
        String kubeServer = text(cluster, "server", clusterPath);
        if (!sameServer(kubeServer, server)) {
            throw new AccessRefusedException(clusterPath + ".server", "\"" + kubeServer
                    + "\" is not the Cluster's spec.server \"" + server + "\"");
        }
        String ca = base64(cluster, "certificate-authority-data", clusterPath);

        Map<?, ?> user = body(users.get(userIndex), "user");
        String userPath = "users[" + userIndex + "].user";
        String token = text(user, "token", userPath);
        String cert = base64(user, "client-certificate-data", userPath);
        String key = base64(user, "client-key-data", userPath);
        if (cert.isEmpty() != key.isEmpty()) {
            throw new AccessRefusedException(userPath, "client-certificate-data and client-key-data go together");
        }
        if (token.isEmpty() == cert.isEmpty()) {
            throw new AccessRefusedException(userPath, token.isEmpty()
                    ? "no credentials: set token, or client-certificate-data and client-key-data"
                    : "set either token or a client certificate, not both");
        }
        return new KubeconfigCredentials(token, cert, key, ca);
    }

    private static Map<?, ?> parse(String kubeconfig) {
        if (kubeconfig.length() > MAX_BYTES) {
            throw new AccessRefusedException("kubeconfig", "larger than " + MAX_BYTES + " bytes");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(30);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options)).load(kubeconfig);
        } catch (YAMLException e) {
            // SnakeYAML's message quotes the offending line, which may hold a token: keep the position only.
            String mark = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null
                    ? " at line " + (m.getProblemMark().getLine() + 1) : "";
            throw new AccessRefusedException("kubeconfig", "not valid YAML" + mark);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new AccessRefusedException("kubeconfig", "expected a kubeconfig object");
        }
        return map;
    }

    /** The named entries of a list ({@code clusters}, {@code users}, {@code contexts}), each field checked. */
    private static List<Map<?, ?>> entries(Map<?, ?> doc, String list, String bodyName, Set<String> allowed) {
        Object value = doc.get(list);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new AccessRefusedException(list, "expected a list");
        }
        List<Map<?, ?>> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = list + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> entry)) {
                throw new AccessRefusedException(path, "expected an object");
            }
            text(entry, "name", path);
            Object body = entry.get(bodyName);
            if (body != null && !(body instanceof Map<?, ?>)) {
                throw new AccessRefusedException(path + "." + bodyName, "expected an object");
            }
            if (body instanceof Map<?, ?> fields) {
                for (Object key : fields.keySet()) {
                    refuseUnknown(String.valueOf(key), allowed, path + "." + bodyName + ".");
                }
            }
            out.add(entry);
        }
        return out;
    }

    private static void refuseUnknown(String key, Set<String> allowed, String prefix) {
        if (allowed.contains(key)) {
            return;
        }
        throw new AccessRefusedException(prefix + key, REFUSED.getOrDefault(key, "not supported by the control plane"));
    }

    private static int currentContext(Map<?, ?> doc, List<Map<?, ?>> contexts) {
        String current = text(doc, "current-context", "");
        if (current.isEmpty()) {
            if (contexts.size() != 1) {
                throw new AccessRefusedException("current-context", contexts.isEmpty() ? "the kubeconfig has no context"
                        : "required when there is more than one context");
            }
            return 0;
        }
        return byName(contexts, current, "contexts", "current-context");
    }

    private static int byName(List<Map<?, ?>> entries, String name, String list, String field) {
        for (int i = 0; i < entries.size(); i++) {
            if (name.equals(entries.get(i).get("name"))) {
                return i;
            }
        }
        throw new AccessRefusedException(field, "\"" + name + "\" is not in " + list);
    }

    private static Map<?, ?> body(Map<?, ?> entry, String name) {
        return entry.get(name) instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String text(Map<?, ?> map, String field, String path) {
        Object v = map.get(field);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw new AccessRefusedException(path.isEmpty() ? field : path + "." + field, "expected a string");
        }
        return s;
    }

    private static String base64(Map<?, ?> map, String field, String path) {
        String v = text(map, field, path).replaceAll("\\s", "");
        try {
            Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw new AccessRefusedException(path + "." + field, "not base64");
        }
        return v;
    }

    /** Same scheme, host (any case), port (443 by default) and path (a trailing slash aside). */
    static boolean sameServer(String kubeconfigServer, URI server) {
        URI k;
        try {
            k = new URI(kubeconfigServer);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        return "https".equals(k.getScheme()) && k.getHost() != null && server.getHost() != null
                && k.getHost().toLowerCase(Locale.ROOT).equals(server.getHost().toLowerCase(Locale.ROOT))
                && port(k) == port(server) && path(k).equals(path(server)) && k.getRawUserInfo() == null
                && k.getRawQuery() == null;
    }

    private static int port(URI u) {
        return u.getPort() < 0 ? 443 : u.getPort();
    }

    private static String path(URI u) {
        String p = u.getRawPath() == null ? "" : u.getRawPath();
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
