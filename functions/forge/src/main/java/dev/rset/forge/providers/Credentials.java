package dev.rset.forge.providers;

import dev.rset.forge.providers.github.GitHubAppTokens;
import java.util.Map;

/**
 * What the caller read from a provider's {@code secretRef} (the secrets port is the caller's
 * business). {@code toString} never shows a secret.
 */
public sealed interface Credentials {
    /** Anonymous access. */
    record None() implements Credentials {
    }

    /** {@code username}/{@code password} keys; for Git forges the password is a personal access token. */
    record Basic(String username, String password) implements Credentials {
        @Override
        public String toString() {
            return "Basic[username=" + username + "]";
        }
    }

    /** A bearer token ({@code token} key, ExternalService). */
    record Token(String token) implements Credentials {
        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    /** GitHub App keys: {@code githubAppID}, {@code githubAppInstallationID} or {@code …Owner}, {@code githubAppPrivateKey}. */
    record GitHubApp(GitHubAppTokens.App app, String apiBaseUrl) implements Credentials {
        @Override
        public String toString() {
            return app.toString();
        }
    }

    /**
     * Reads a secret as this control plane stores it: a JSON object with the keys of the Kubernetes
     * secret the Flux Operator would read, or a bare token. Never logged.
     */
    static Credentials fromSecretValue(String value) {
        return fromSecret(secretKeys(value));
    }

    /** The keys of a stored secret value; a value that is not a JSON object is a bare token. */
    static Map<String, String> secretKeys(String value) {
        String v = value.trim();
        if (v.startsWith("{")) {
            try {
                com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(v);
                Map<String, String> out = new java.util.LinkedHashMap<>();
                node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
                return out;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Map.of();
            }
        }
        return Map.of("token", v);
    }

    /** Reads the keys the Flux Operator reads from a provider's secret; no known key means anonymous. */
    static Credentials fromSecret(Map<String, String> data) {
        String appId = data.getOrDefault("githubAppID", "").trim();
        if (!appId.isEmpty()) {
            return new GitHubApp(new GitHubAppTokens.App(appId, data.getOrDefault("githubAppInstallationID", "").trim(),
                    data.getOrDefault("githubAppInstallationOwner", "").trim(),
                    data.getOrDefault("githubAppPrivateKey", "")),
                    data.getOrDefault("githubAppBaseURL", "").trim().replaceAll("/+$", ""));
        }
        String token = data.getOrDefault("token", "").trim();
        if (!token.isEmpty()) {
            return new Token(token);
        }
        String password = data.getOrDefault("password", "");
        if (!password.isEmpty()) {
            return new Basic(data.getOrDefault("username", ""), password);
        }
        return new None();
    }
}
