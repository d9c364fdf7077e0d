package dev.rset.forge.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.forge.providers.git.AzureDevOpsApi;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.http.Pages;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Azure DevOps Git REST API 7.1: commit statuses ({@code POST …/commits/{commitId}/statuses}, the
 * context split into {@code genre} {@code rset} and {@code name} {@code <namespace>/<name>}) and the
 * pull request's comment threads: the thread whose first comment carries the marker is edited
 * ({@code PATCH …/threads/{threadId}/comments/{commentId}}), or a new active thread is created.
 */
public final class AzureDevOpsNotifier implements ChangeRequestNotifier {
    private static final String VERSION = "api-version=7.1";
    private final ForgeHttp http;
    private final String repo;
    private final Map<String, String> headers;

    /** @param authorization the {@code Authorization} header value (basic, the token as password), or empty */
    public AzureDevOpsNotifier(ForgeHttp http, String repositoryUrl, String authorization) throws HttpFailure {
        this.http = http;
        this.repo = AzureDevOpsApi.repoBase(repositoryUrl);
        this.headers = ForgeHttp.jsonHeaders("application/json", authorization);
    }

    @Override
    public void commitStatus(CommitStatus s) throws HttpFailure {
        int slash = s.context().indexOf('/');
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("state", switch (s.state()) {
            case PENDING -> "pending";
            case SUCCESS -> "succeeded";
            case FAILURE -> "failed";
        });
        b.put("description", s.description());
        b.put("context", slash < 0 ? Map.of("name", s.context())
                : Map.of("genre", s.context().substring(0, slash), "name", s.context().substring(slash + 1)));
        if (!s.targetUrl().isEmpty()) {
            b.put("targetUrl", s.targetUrl());
        }
        http.sendJson("POST", URI.create(repo + "/commits/" + s.sha() + "/statuses?" + VERSION), headers, b);
    }

    @Override
    public void upsertComment(long number, String marker, String body) throws HttpFailure {
        String threads = repo + "/pullRequests/" + number + "/threads";
        List<JsonNode> listed = Pages.array(http.getJson(URI.create(threads + "?" + VERSION), headers), "value",
                "Azure DevOps pull request threads");
        for (JsonNode thread : listed) {
            JsonNode first = thread.path("comments").path(0);
            String content = first.path("content").asText();
            if (content.startsWith(marker)) {
                if (!content.equals(body)) {
                    http.sendJson("PATCH", URI.create(threads + "/" + thread.path("id").asLong() + "/comments/"
                            + first.path("id").asLong() + "?" + VERSION), headers, Map.of("content", body));
                }
                return;
            }
        }
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("parentCommentId", 0);
        comment.put("content", body);
        comment.put("commentType", "text");
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("comments", List.of(comment));
        thread.put("status", "active");
        http.sendJson("POST", URI.create(threads + "?" + VERSION), headers, thread);
    }
}
