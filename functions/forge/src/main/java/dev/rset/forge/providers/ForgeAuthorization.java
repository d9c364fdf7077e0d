package dev.rset.forge.providers;

import dev.rset.forge.providers.git.GitHubApi;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * How each forge wants a secret's credentials presented, shared by the poll clients and the
 * change-request notifiers: GitHub a bearer token (a personal access token, or a GitHub App
 * installation token), GitLab {@code PRIVATE-TOKEN}, Gitea/Forgejo {@code token …}, Azure DevOps
 * basic auth with the token as password. Empty means anonymous.
 */
public final class ForgeAuthorization {
    private ForgeAuthorization() {
    }

    /** The {@code Authorization} value for GitHub (an App's token is asked for through {@code http}). */
    public static String github(ForgeHttp http, GitHubAppTokens appTokens, String repositoryUrl, Credentials c)
            throws HttpFailure {
        if (c instanceof Credentials.GitHubApp app) {
            String api = app.apiBaseUrl().isEmpty() ? GitHubApi.apiBase(repositoryUrl) : app.apiBaseUrl();
            return "Bearer " + appTokens.token(http, api, app.app());
        }
        return c instanceof Credentials.Basic b ? "Bearer " + b.password()
                : c instanceof Credentials.Token t ? "Bearer " + t.token() : "";
    }

    /** GitLab's authentication headers, maybe none. */
    public static Map<String, String> gitlab(Credentials c) {
        return c instanceof Credentials.Basic b ? Map.of("PRIVATE-TOKEN", b.password())
                : c instanceof Credentials.Token t ? Map.of("Authorization", "Bearer " + t.token()) : Map.of();
    }

    public static String gitea(Credentials c) {
        return c instanceof Credentials.Basic b ? "token " + b.password()
                : c instanceof Credentials.Token t ? "token " + t.token() : "";
    }

    public static String azureDevOps(Credentials c) {
        return c instanceof Credentials.Basic b ? basic(b.username(), b.password())
                : c instanceof Credentials.Token t ? basic("", t.token()) : "";
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
