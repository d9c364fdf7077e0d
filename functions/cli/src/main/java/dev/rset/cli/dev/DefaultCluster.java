package dev.rset.cli.dev;

import dev.rset.cli.UserError;
import dev.rset.core.api.Cluster;
import dev.rset.core.yaml.GoYaml;
import dev.rset.core.yaml.GoYamlException;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The cluster named {@code default}, which a ResourceSet without a placement annotation goes to. */
final class DefaultCluster {
    static final String NAME = Cluster.DEFAULT_NAME;
    /** Never contacted: the directory cluster is reached by name (see {@link DevClusters}). */
    private static final String DIRECTORY_SERVER = "https://directory.invalid";

    private DefaultCluster() {
    }

    static Path directory(Path stateDir) {
        return stateDir.resolve("clusters").resolve(NAME);
    }

    /**
     * Registers the directory cluster straight in the store: the API's registration checks are
     * about reaching a real API server, which this cluster does not have.
     */
    static String registerDirectory(DevControlPlane plane, Path stateDir) {
        ObjectKey key = new ObjectKey(Kind.CLUSTER, "", NAME);
        if (plane.stores().definitions().get(key).isEmpty()) {
            Map<String, Object> manifest = Map.of("apiVersion", Cluster.API_VERSION, "kind", Cluster.KIND,
                    "metadata", Map.of("name", NAME, "annotations",
                            Map.of("rset.dev/directory", directory(stateDir).toString())),
                    "spec", Map.of("server", DIRECTORY_SERVER,
                            "auth", Map.of("kubeconfig", Map.of("secretRef", Map.of("name",
                                    DevControlPlane.SECRET_PREFIX + "/clusters/" + NAME + "/kubeconfig")))));
            plane.stores().definitions().apply(List.of(new DefinitionStore.Write(key, manifest, Map.of(), 0,
                    DefinitionStore.ScheduleChange.NONE)));
        }
        return "is the directory " + directory(stateDir) + " (one YAML file per object)";
    }

    /** Registers (or updates) {@code default} from a kubeconfig, through the API and its checks. */
    static String registerKubeconfig(DevControlPlane plane, Path kubeconfig) {
        String text;
        try {
            text = Files.readString(kubeconfig, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read kubeconfig " + kubeconfig + ": " + e.getMessage());
        }
        String server = currentServer(text, kubeconfig);
        String manifest = GoYaml.marshal(Map.of("apiVersion", Cluster.API_VERSION, "kind", Cluster.KIND,
                "metadata", Map.of("name", NAME),
                "spec", Map.of("server", server, "auth", Map.of("kubeconfig", Map.of("value", text)))));
        HttpResponse<String> r = post(plane.endpoint().resolve("/v1/apply"), manifest);
        if (r.statusCode() != 200) {
            throw new UserError("cannot register the cluster of " + kubeconfig + ": " + r.body());
        }
        HttpResponse<String> check = post(plane.endpoint().resolve("/v1/clusters/" + NAME + "/check"), "");
        return "is " + server + " from " + kubeconfig + (check.statusCode() == 200 ? "" : " (not reachable now: "
                + check.body() + ")");
    }

    /** The server of the kubeconfig's current context, which the Cluster's spec.server must name. */
    private static String currentServer(String text, Path file) {
        try {
            Map<?, ?> config = (Map<?, ?>) GoYaml.unmarshal(text);
            Object current = config.get("current-context");
            List<?> contexts = (List<?>) config.get("contexts");
            List<?> clusters = (List<?>) config.get("clusters");
            String clusterName = null;
            for (Object c : contexts) {
                Map<?, ?> ctx = (Map<?, ?>) c;
                if (current == null && contexts.size() == 1 || String.valueOf(ctx.get("name")).equals(current)) {
                    clusterName = String.valueOf(((Map<?, ?>) ctx.get("context")).get("cluster"));
                }
            }
            for (Object c : clusters) {
                Map<?, ?> cl = (Map<?, ?>) c;
                if (String.valueOf(cl.get("name")).equals(clusterName)) {
                    return String.valueOf(((Map<?, ?>) cl.get("cluster")).get("server"));
                }
            }
        } catch (GoYamlException | ClassCastException | NullPointerException e) {
            // reported below
        }
        throw new UserError("kubeconfig " + file + ": no current context with a cluster server");
    }

    static HttpResponse<String> post(URI uri, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UserError("rset dev cannot reach its own API at " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
    }
}
