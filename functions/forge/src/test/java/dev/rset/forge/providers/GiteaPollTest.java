package dev.rset.forge.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.rset.forge.providers.Polls.input;
import static dev.rset.forge.providers.Polls.inputs;
import static dev.rset.forge.providers.Polls.provider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.rset.core.inputs.InputIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gitea / Forgejo API v1 shapes ({@code pulls}, {@code branches}, {@code tags}, paged with {@code Link}
 * and {@code X-Total-Count}) on a server under a sub-path, as self-hosted instances often are.
 */
class GiteaPollTest {
    @RegisterExtension
    static WireMockExtension gt = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Polls polls = new Polls();
    static final String REPO = "/git/api/v1/repos/org/app";

    String url() {
        return gt.baseUrl() + "/git/org/app";
    }

    static String sha(int n) {
        return String.format("%040x", n * 15485863L);
    }

    static String pull(int number, String branch, String login, String title, String label) {
        return """
                {"id": %1$d00, "number": %1$d, "user": {"id": 1, "login": "%3$s", "username": "%3$s"},
                 "title": "%4$s", "body": "", "labels": [%5$s], "state": "open", "is_locked": false,
                 "head": {"label": "%2$s", "ref": "%2$s", "sha": "%6$s", "repo_id": 1},
                 "base": {"label": "main", "ref": "main", "sha": "%7$s", "repo_id": 1},
                 "merged": false, "created_at": "2026-11-01T10:00:00Z", "updated_at": "2026-11-02T10:00:00Z"}
                """.formatted(number, branch, login, title,
                label.isEmpty() ? "" : "{\"id\": 1, \"name\": \"" + label + "\", \"color\": \"00aabb\"}", sha(number),
                sha(0));
    }

    void pages(String path, String query, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i++) {
            int page = i + 1;
            var response = okJson(bodies.get(i)).withHeader("X-Total-Count", "5");
            if (page < bodies.size()) {
                response = response.withHeader("Link", "<" + gt.baseUrl() + REPO + path + "?" + query + "&page="
                        + (page + 1) + ">; rel=\"next\",<" + gt.baseUrl() + REPO + path + "?" + query + "&page="
                        + bodies.size() + ">; rel=\"last\"");
            }
            gt.stubFor(get(urlPathEqualTo(REPO + path)).withQueryParam("page", equalTo(Integer.toString(page)))
                    .willReturn(response));
        }
    }

    @Test
    void pullRequestsOverThreePages() {
        pages("/pulls", "state=open&limit=50", List.of("[" + pull(5, "feat/a", "alice", "A", "preview") + "]",
                "[" + pull(4, "feat/b", "bob", "B", "") + "," + pull(3, "docs", "carol", "C", "preview") + "]",
                "[" + pull(2, "feat/d", "dave", "D", "preview") + "]"));
        var p = provider("GiteaPullRequest", url(), Map.of("filter", Map.of("labels", List.of("preview"),
                "includeBranch", "^feat/")));
        assertEquals(List.of(
                input("id", "5", "sha", sha(5), "branch", "feat/a", "author", "alice", "title", "A",
                        "labels", List.of("preview")),
                input("id", "2", "sha", sha(2), "branch", "feat/d", "author", "dave", "title", "D",
                        "labels", List.of("preview"))),
                inputs(polls.poll(p, new Credentials.Basic("bot", "gitea-pat"))));
        gt.verify(3, getRequestedFor(urlPathEqualTo(REPO + "/pulls")).withHeader("Authorization",
                equalTo("token gitea-pat")));
    }

    @Test
    void branchesNameTheirCommitIdAndTagsTheirCommitSha() {
        pages("/branches", "limit=50", List.of("[{\"name\": \"main\", \"commit\": {\"id\": \"" + sha(1)
                + "\", \"message\": \"m\"}, \"protected\": true}]"));
        assertEquals(List.of(input("id", InputIds.of("main"), "branch", "main", "sha", sha(1))),
                inputs(polls.poll(provider("GiteaBranch", url(), Map.of()), new Credentials.None())));
        pages("/tags", "limit=50", List.of("[{\"name\": \"v1.0.0\", \"id\": \"" + sha(9) + "\", \"commit\": {\"url\": "
                + "\"x\", \"sha\": \"" + sha(2) + "\"}, \"zipball_url\": \"z\", \"tarball_url\": \"t\"}]",
                "[{\"name\": \"v1.1.0\", \"id\": \"" + sha(8) + "\", \"commit\": {\"url\": \"x\", \"sha\": \"" + sha(3)
                        + "\"}}]"));
        assertEquals(List.of(input("id", InputIds.of("v1.1.0"), "tag", "v1.1.0", "sha", sha(3)),
                input("id", InputIds.of("v1.0.0"), "tag", "v1.0.0", "sha", sha(2))),
                inputs(polls.poll(provider("GiteaTag", url(), Map.of()), new Credentials.None())));
    }

    @Test
    void notFoundWhenTheRepositoryIsNotVisible() {
        gt.stubFor(get(urlPathEqualTo(REPO + "/branches")).withQueryParam("page", absent())
                .willReturn(aResponse().withStatus(404)));
        gt.stubFor(get(urlPathEqualTo(REPO + "/branches")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"The target couldn't be found.\"}")));
        assertInstanceOf(PollResult.NotFound.class,
                polls.poll(provider("GiteaBranch", url(), Map.of()), new Credentials.None()));
    }
}
