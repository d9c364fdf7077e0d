package dev.rset.forge.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.http.Pages;
import java.net.URI;
import java.util.Map;

/**
 * The comment upsert of the GitHub-shaped issue comments API, which GitHub and Gitea/Forgejo
 * share: {@code GET /issues/{n}/comments} (paged by {@code Link}), {@code POST} there to create,
 * {@code PATCH /issues/comments/{id}} to edit. A comment that already reads {@code body} is left alone.
 */
final class IssueComments {
    private IssueComments() {
    }

    /**
     * @param repo the repository's API URL
     * @param pageQuery the first page's query ({@code per_page=100}, {@code limit=50&page=1})
     */
    static void upsert(ForgeHttp http, String repo, Map<String, String> headers, String pageQuery, String what,
            long number, String marker, String body) throws HttpFailure {
        String comments = repo + "/issues/" + number + "/comments";
        // The listing stops at the first comment carrying the marker: then it is the last one read.
        var found = Pages.collect(http, URI.create(comments + "?" + pageQuery), headers,
                page -> Pages.array(page, "", what + " issue comments"), Pages.byLink(),
                c -> c.path("body").asText().startsWith(marker), 1);
        JsonNode mine = found.isEmpty() ? null : found.get(found.size() - 1);
        if (mine == null || !mine.path("body").asText().startsWith(marker)) {
            http.sendJson("POST", URI.create(comments), headers, Map.of("body", body));
        } else if (!mine.path("body").asText().equals(body)) {
            http.sendJson("PATCH", URI.create(repo + "/issues/comments/" + mine.path("id").asLong()), headers,
                    Map.of("body", body));
        }
    }
}
