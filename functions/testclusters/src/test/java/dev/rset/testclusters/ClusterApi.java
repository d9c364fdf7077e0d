package dev.rset.testclusters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The Kubernetes REST API of one test cluster through the JDK's HttpClient, as the admin. A new
 * client (and connection) per call, so a call after the server stopped sees the refusal itself.
 */
final class ClusterApi {
    private final KubeCluster cluster;

    ClusterApi(KubeCluster cluster) {
        this.cluster = cluster;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** Over HTTP/1.1: the API server ends an unauthenticated client's HTTP/2 connection with GOAWAY. */
    HttpResponse<String> getAnonymously(String path) throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(uri(path)).version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    /** A watch: the event lines until the server ends it (after {@code timeoutSeconds}). */
    Stream<String> watch(String path) throws IOException, InterruptedException {
        return client().send(request(path).GET().build(), HttpResponse.BodyHandlers.ofLines()).body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + cluster.adminToken());
    }

    private URI uri(String path) {
        return cluster.server().resolve(path);
    }

    private HttpClient client() {
        return HttpClient.newBuilder().sslContext(cluster.sslContext()).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
