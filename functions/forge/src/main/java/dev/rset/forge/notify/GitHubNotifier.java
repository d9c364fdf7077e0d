package dev.rset.forge.notify;

import dev.rset.forge.providers.git.GitHubApi;
import dev.rset.forge.providers.git.GiteaApi;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub (and GitHub Enterprise Server), and Gitea/Forgejo (API v1), which take GitHub's shapes:
 * {@code POST /repos/{owner}/{repo}/statuses/{sha}} and the pull request's issue comments.
 */
public final class GitHubNotifier implements ChangeRequestNotifier {
    private final ForgeHttp http;
    private final String repo;
    private final Map<String, String> headers;
    /** The query of one page of the comments list, as each forge names it. */
    private final String commentsPage;
    private final String forgeName;

    /** GitHub. @param authorization the {@code Authorization} header value, or empty */
    public GitHubNotifier(ForgeHttp http, String repositoryUrl, String authorization) throws HttpFailure {
        this(http, GitHubApi.repoBase(repositoryUrl), GitHubApi.headers(authorization), "per_page=100", "GitHub");
    }

    private GitHubNotifier(ForgeHttp http, String repo, Map<String, String> headers, String commentsPage,
            String forgeName) {
        this.http = http;
        this.repo = repo;
        this.headers = headers;
        this.commentsPage = commentsPage;
        this.forgeName = forgeName;
    }

    /** Gitea or Forgejo. @param authorization the {@code Authorization} header value ({@code token …}), or empty */
    public static GitHubNotifier gitea(ForgeHttp http, String repositoryUrl, String authorization)
            throws HttpFailure {
        return new GitHubNotifier(http, GiteaApi.repoBase(repositoryUrl),
                ForgeHttp.jsonHeaders("application/json", authorization), "limit=50&page=1", "Gitea");
    }

    @Override
    public void commitStatus(CommitStatus s) throws HttpFailure {
        http.sendJson("POST", URI.create(repo + "/statuses/" + s.sha()), headers, body(s));
    }

    private static Map<String, String> body(CommitStatus s) {
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
        IssueComments.upsert(http, repo, headers, commentsPage, forgeName, number, marker, body);
    }
}
