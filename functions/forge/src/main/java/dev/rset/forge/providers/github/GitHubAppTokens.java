package dev.rset.forge.providers.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installation access tokens of GitHub Apps: app id + private key sign a JWT, the JWT buys a token
 * for the installation (found by owner when no installation id is given), and the token is reused
 * until five minutes before it expires. One instance per warm function keeps the cache.
 */
public final class GitHubAppTokens {
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    /** A GitHub App's identity; exactly one of installation id and owner is set. */
    public record App(String appId, String installationId, String installationOwner, String privateKeyPem) {
        @Override
        public String toString() {
            return "GitHubApp[appId=" + appId + ", installation=" + installationId + installationOwner + "]";
        }
    }

    private record Cached(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Cached[expiresAt=" + expiresAt + "]";
        }
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A valid installation token for {@code app} on the API at {@code apiBase}. */
    public String token(ForgeHttp http, String apiBase, App app) throws HttpFailure {
        if (app.installationId().isEmpty() == app.installationOwner().isEmpty()) {
            throw HttpFailure.failed("GitHub App: exactly one of githubAppInstallationID and "
                    + "githubAppInstallationOwner must be set");
        }
        String key = apiBase + "|" + app.appId() + "|" + app.installationId() + "|" + app.installationOwner();
        Instant now = http.clock().instant();
        Cached c = cache.get(key);
        if (c != null && now.isBefore(c.expiresAt().minus(REFRESH_BEFORE_EXPIRY))) {
            return c.token();
        }
        String jwt;
        try {
            jwt = AppJwt.sign(app.appId(), RsaKeys.privateKey(app.privateKeyPem()), now);
        } catch (IllegalArgumentException e) {
            throw HttpFailure.failed("GitHub App " + app.appId() + ": " + e.getMessage());
        }
        Map<String, String> headers = Map.of("Authorization", "Bearer " + jwt,
                "Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28");
        String installation = app.installationId().isEmpty()
                ? installationOf(http, apiBase, app.installationOwner(), headers) : app.installationId();
        JsonNode answer = http.json(http.send("POST", URI.create(apiBase + "/app/installations/"
                + installation.replaceAll("[^0-9]", "") + "/access_tokens"), headers,
                HttpRequest.BodyPublishers.noBody(), ForgeHttp.DEFAULT_MAX_BODY));
        String token = answer.path("token").asText();
        if (token.isEmpty()) {
            throw HttpFailure.failed("GitHub App " + app.appId() + ": the access token answer has no token");
        }
        Instant expires;
        try {
            expires = Instant.parse(answer.path("expires_at").asText());
        } catch (DateTimeParseException e) {
            expires = now.plus(Duration.ofMinutes(10)); // tokens live an hour; reuse them briefly only
        }
        cache.put(key, new Cached(token, expires));
        return token;
    }

    /** The installation of the app on an organisation, else on a user account. */
    private static String installationOf(ForgeHttp http, String apiBase, String owner, Map<String, String> headers)
            throws HttpFailure {
        String name = java.net.URLEncoder.encode(owner, java.nio.charset.StandardCharsets.UTF_8);
        JsonNode found;
        try {
            found = http.getJson(URI.create(apiBase + "/orgs/" + name + "/installation"), headers);
        } catch (HttpFailure e) {
            if (e.kind() != HttpFailure.Kind.NOT_FOUND) {
                throw e;
            }
            found = http.getJson(URI.create(apiBase + "/users/" + name + "/installation"), headers);
        }
        String id = found.path("id").asText();
        if (id.isEmpty()) {
            throw HttpFailure.failed("GitHub App: no installation found for owner " + owner);
        }
        return id;
    }
}
