package dev.rset.forge.notify;

import dev.rset.forge.providers.git.GiteaApi;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import java.net.URI;
import java.util.Map;

/**
 * Gitea and Forgejo (API v1): {@code POST /repos/{owner}/{repo}/statuses/{sha}} and the pull
 * request's issue comments, in GitHub's shapes.
 */
public final class GiteaNotifier implements ChangeRequestNotifier {
    private final ForgeHttp http;
    private final String repo;
    private final Map<String, String> headers;

    /** @param authorization the {@code Authorization} header value ({@code token …}), or empty */
    public GiteaNotifier(ForgeHttp http, String repositoryUrl, String authorization) throws HttpFailure {
        this.http = http;
        this.repo = GiteaApi.repoBase(repositoryUrl);
        this.headers = ForgeHttp.jsonHeaders("application/json", authorization);
    }

    @Override
    public void commitStatus(CommitStatus s) throws HttpFailure {
        http.sendJson("POST", URI.create(repo + "/statuses/" + s.sha()), headers, GitHubNotifier.body(s));
    }

    @Override
    public void upsertComment(long number, String marker, String body) throws HttpFailure {
        IssueComments.upsert(http, repo, headers, "limit=50&page=1", "Gitea", number, marker, body);
    }
}
