package dev.rset.api.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request as the API sees it, whichever transport brought it (API Gateway or a local server).
 * {@code caller} is the IAM ARN API Gateway's IAM authorizer verified, or empty where nothing
 * authenticates requests ({@code rset dev}).
 */
public record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
        String body, String caller) {
    public HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
            String body) {
        this(method, path, query, headers, body, "");
    }

    public HttpRequest {
        caller = caller == null ? "" : caller;
        method = method.toUpperCase(Locale.ROOT);
        query = Map.copyOf(query);
        // HTTP header names are case-insensitive; API Gateway lower-cases them, a local server may not.
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(h);
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** True when the client asked for YAML with {@code Accept}. */
    public boolean wantsYaml() {
        return header("Accept").map(a -> a.toLowerCase(Locale.ROOT).contains("yaml")).orElse(false);
    }
}
