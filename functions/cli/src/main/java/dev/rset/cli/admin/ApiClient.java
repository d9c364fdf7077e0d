package dev.rset.cli.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Calls the management API; errors come back as the server's Kubernetes-style Status message. */
final class ApiClient {
    static final String JSON = "application/json";
    static final String YAML = "application/yaml";
    /** Set by the JDK client itself; the signature covers the same values. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI server;
    private final Signing signing;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(URI server, Signing signing) {
        this.server = server;
        this.signing = signing;
    }

    /** The response body of a successful call, in the {@code accept} format. */
    String call(String method, String path, Map<String, String> query, String body, String contentType,
            String accept) {
        String q = new TreeMap<>(query).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        URI uri = URI.create(server + path + (q.isEmpty() ? "" : "?" + q));
        String payload = body == null ? "" : body;
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, payload.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload))
                .header("Accept", accept).header("User-Agent", "rset-cli");
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (signing != null) {
            signing.sign(method, uri, payload).forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> b.header(name, v));
                }
            });
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // java.net.http leaves the message empty for a refused connection; the type says what happened.
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new UsageException("cannot reach the API at " + server + ": " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted");
        }
        if (r.statusCode() / 100 != 2) {
            throw new UsageException(errorMessage(r));
        }
        return r.body();
    }

    Map<String, Object> json(String method, String path, Map<String, String> query, String body, String contentType) {
        return parse(call(method, path, query, body, contentType, JSON));
    }

    static Map<String, Object> parse(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UsageException("the API answered something that is not JSON: " + e.getMessage());
        }
    }

    static String toJson(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** kubectl's wording: {@code Error from server (NotFound): ResourceSet apps/x not found}. */
    private static String errorMessage(HttpResponse<String> r) {
        try {
            Map<String, Object> status = parse(r.body());
            if ("Status".equals(status.get("kind"))) {
                return "Error from server (" + status.get("reason") + "): " + status.get("message");
            }
        } catch (UsageException notJson) {
            // fall through: API Gateway's own errors (403 on a bad signature) are not Status objects
        }
        String body = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
        return "Error from server (HTTP " + r.statusCode() + "): " + body.strip();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Every item of a list, following {@code metadata.continue} page after page (the API answers
     * at most a few hundred objects, or a few MB, per response), as one {@code List}.
     */
    Map<String, Object> listAll(String path, Map<String, String> query) {
        Map<String, String> q = new java.util.HashMap<>(query);
        List<Object> items = new java.util.ArrayList<>();
        while (true) {
            Map<String, Object> page = json("GET", path, q, null, null);
            items.addAll(items(page));
            Object next = page.get("metadata") instanceof Map<?, ?> m ? m.get("continue") : null;
            if (!(next instanceof String token) || token.isEmpty()) {
                break;
            }
            q.put("continue", token);
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("apiVersion", "v1");
        out.put("kind", "List");
        out.put("items", items);
        return out;
    }

    /** {@link #listAll} as YAML or JSON, for {@code -o yaml|json}. */
    String listAll(String path, Map<String, String> query, OutputFormat format) {
        Map<String, Object> all = listAll(path, query);
        return format == OutputFormat.yaml ? dev.rset.core.yaml.GoYaml.marshal(all) : toJson(all) + "\n";
    }

    static List<Object> items(Map<String, Object> list) {
        Object items = list.get("items");
        return items instanceof List<?> l ? List.copyOf(l) : List.of(list);
    }
}
