package dev.rset.forge.notify;

import dev.rset.forge.providers.git.GitHubApi;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub (and GitHub Enterprise Server): {@code POST /repos/{owner}/{repo}/statuses/{sha}} and the
 * pull request's issue comments.
 */
public final class GitHubNotifier implements ChangeRequestNotifier {
    private final ForgeHttp http;
    private final String repo;
    private final Map<String, String> headers;

    /** @param authorization the {@code Authorization} header value, or empty */
    public GitHubNotifier(ForgeHttp http, String repositoryUrl, String authorization) throws HttpFailure {
        this.http = http;
        this.repo = GitHubApi.repoBase(repositoryUrl);
        this.headers = GitHubApi.headers(authorization);
    }

    @Override
    public void commitStatus(CommitStatus s) throws HttpFailure {
        http.sendJson("POST", URI.create(repo + "/statuses/" + s.sha()), headers, body(s));
    }

    /** The body GitHub and Gitea/Forgejo both take. */
    static Map<String, String> body(CommitStatus s) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("state", switch (s.state()) {
            case PENDING -> "pending";
            case SUCCESS -> "success";
            case FAILURE -> "failure";
        });
        b.put("context", s.context());
        b.put("description", s.description());
        if (!s.targetUrl().isEmpty()) {
            b.put("target_url", s.targetUrl());
        }
        return b;
    }

    @Override
    public void upsertComment(long number, String marker, String body) throws HttpFailure {
        IssueComments.upsert(http, repo, headers, "per_page=100", "GitHub", number, marker, body);
    }
}
