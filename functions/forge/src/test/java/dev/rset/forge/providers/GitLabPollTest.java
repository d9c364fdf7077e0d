package dev.rset.forge.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GitLab REST v4 shapes: {@code merge_requests}, {@code repository/branches}, {@code repository/tags},
 * {@code environments} and {@code deployments} of a project in nested groups, paged by {@code X-Next-Page}.
 */
class GitLabPollTest {
    @RegisterExtension
    static WireMockExtension gl = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Polls polls = new Polls();
    static final String PROJECT = "/api/v4/projects/platform%2Fteam-a%2Fapp";

    String url() {
        return gl.baseUrl() + "/platform/team-a/app";
    }

    static String sha(int n) {
        return String.format("%040x", n * 104729L);
    }

    static String mr(int iid, String branch, String author, String title, String... labels) {
        String ls = Arrays.stream(labels).map(l -> "\"" + l + "\"").collect(Collectors.joining(", "));
        return """
                {"id": %1$d000, "iid": %1$d, "project_id": 3, "title": "%4$s", "state": "opened",
                 "target_branch": "main", "source_branch": "%2$s", "author": {"id": 1, "username": "%3$s",
                 "name": "%3$s", "state": "active"}, "labels": [%5$s], "draft": false, "sha": "%6$s",
                 "merge_status": "can_be_merged", "web_url": "https://gitlab.example.com/platform/team-a/app/-/merge_requests/%1$d"}
                """.formatted(iid, branch, author, title, ls, sha(iid));
    }

    void pages(String path, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i++) {
            int page = i + 1;
            gl.stubFor(get(urlPathEqualTo(PROJECT + path))
                    .withQueryParam("page", i == 0 ? absent() : equalTo(Integer.toString(page)))
                    .willReturn(okJson(bodies.get(i)).withHeader("X-Page", Integer.toString(page))
                            .withHeader("X-Per-Page", "100").withHeader("X-Total-Pages", Integer.toString(bodies.size()))
                            .withHeader("X-Next-Page", page < bodies.size() ? Integer.toString(page + 1) : "")));
        }
    }

    @Test
    void mergeRequestsOfANestedGroupProjectOverThreePages() {
        pages("/merge_requests", List.of("[" + mr(12, "feat/a", "alice", "A", "deploy::preview") + "]",
                "[" + mr(11, "main-hotfix", "bob", "B", "deploy::preview") + "," + mr(10, "feat/c", "carol", "C") + "]",
                "[" + mr(9, "feat/d", "dave", "D", "deploy::preview", "wip") + "]"));
        var p = provider("GitLabMergeRequest", url(), Map.of("filter", Map.of("labels", List.of("deploy::preview"),
                "includeBranch", "^feat/")));
        assertEquals(List.of(
                input("id", "12", "sha", sha(12), "branch", "feat/a", "author", "alice", "title", "A",
                        "labels", List.of("deploy::preview")),
                input("id", "9", "sha", sha(9), "branch", "feat/d", "author", "dave", "title", "D",
                        "labels", List.of("deploy::preview", "wip"))),
                inputs(polls.poll(p, new Credentials.Basic("oauth2", "glpat-secret"))));
        gl.verify(3, getRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests"))
                .withQueryParam("state", equalTo("opened")).withHeader("PRIVATE-TOKEN", equalTo("glpat-secret")));
    }

    static String ref(String name, int n) {
        return "{\"name\": \"" + name + "\", \"message\": \"\", \"target\": \"" + sha(n) + "\", \"commit\": {\"id\": \""
                + sha(n) + "\", \"short_id\": \"" + sha(n).substring(0, 8) + "\", \"title\": \"commit\"}, "
                + "\"protected\": false}";
    }

    @Test
    void tagsAndBranches() {
        pages("/repository/tags", List.of("[" + ref("v1.2.0", 1) + "," + ref("v1.10.0", 2) + "]",
                "[" + ref("v2.0.0-rc.1", 3) + "]", "[" + ref("v0.1.0", 4) + "]"));
        var tags = provider("GitLabTag", url(), Map.of("filter", Map.of("semver", "1.x")));
        assertEquals(List.of(input("id", InputIds.of("v1.10.0"), "tag", "v1.10.0", "sha", sha(2)),
                input("id", InputIds.of("v1.2.0"), "tag", "v1.2.0", "sha", sha(1))),
                inputs(polls.poll(tags, new Credentials.None())));
        pages("/repository/branches", List.of("[" + ref("main", 5) + "]", "[" + ref("release/1", 6) + "]"));
        var branches = provider("GitLabBranch", url(), Map.of("filter", Map.of("excludeBranch", "^main$")));
        assertEquals(List.of(input("id", InputIds.of("release/1"), "branch", "release/1", "sha", sha(6))),
                inputs(polls.poll(branches, new Credentials.None())));
    }

    static String env(int id, String name, String state) {
        return "{\"id\": " + id + ", \"name\": \"" + name + "\", \"slug\": \"" + name.replace('/', '-') + "-x1y2z3\", "
                + "\"external_url\": \"https://" + id + ".example.com\", \"state\": \"" + state + "\", "
                + "\"tier\": \"development\", \"created_at\": \"2026-11-01T10:00:00Z\"}";
    }

    static String deployment(int id, String status, String ref, int n, String user) {
        return "{\"id\": " + id + ", \"iid\": " + id + ", \"ref\": \"" + ref + "\", \"sha\": \"" + sha(n) + "\", "
                + "\"status\": \"" + status + "\", \"user\": {\"id\": 1, \"username\": \"" + user + "\"}, "
                + "\"deployable\": {\"id\": " + (id * 10) + ", \"status\": \"" + status + "\", \"ref\": \"" + ref
                + "\", \"commit\": {\"id\": \"" + sha(n) + "\", \"short_id\": \"" + sha(n).substring(0, 8) + "\"}}}";
    }

    @Test
    void environmentsExportTheirLastRunningOrSuccessfulDeployment() {
        pages("/environments", List.of("[" + env(1, "review/feat-a", "available") + "]",
                "[" + env(2, "review/feat-b", "stopped") + "," + env(3, "production", "available") + "]",
                "[" + env(4, "review/feat-c", "stopped") + "]"));
        stubDeployments("review/feat-a", "[" + deployment(30, "failed", "feat-a", 30, "x") + ","
                + deployment(20, "success", "feat-a", 20, "alice") + "]");
        stubDeployments("review/feat-b", "[" + deployment(31, "running", "feat-b", 31, "bob") + "]");
        stubDeployments("review/feat-c", "[" + deployment(32, "success", "feat-c", 32, "carol") + "]");
        var p = provider("GitLabEnvironment", url(), Map.of("filter", Map.of("includeEnvironment", "^review/")));
        assertEquals(List.of(
                input("id", "1", "sha", sha(20), "branch", "feat-a", "author", "alice", "title", "review/feat-a",
                        "slug", "review-feat-a-x1y2z3"),
                input("id", "2", "sha", sha(31), "branch", "feat-b", "author", "bob", "title", "review/feat-b",
                        "slug", "review-feat-b-x1y2z3")),
                inputs(polls.poll(p, new Credentials.Token("glpat-t"))));
        gl.verify(0, getRequestedFor(urlPathEqualTo(PROJECT + "/deployments"))
                .withQueryParam("environment", equalTo("production")));
    }

    void stubDeployments(String environment, String body) {
        gl.stubFor(get(urlPathEqualTo(PROJECT + "/deployments")).withQueryParam("environment", equalTo(environment))
                .withQueryParam("order_by", equalTo("created_at")).withQueryParam("sort", equalTo("desc"))
                .willReturn(okJson(body)));
    }

    @Test
    void gitLabRateLimitResetIsTheRetryTime() {
        long reset = Polls.NOW.getEpochSecond() + 42;
        gl.stubFor(get(urlPathEqualTo(PROJECT + "/repository/branches")).willReturn(aResponse().withStatus(429)
                .withHeader("RateLimit-Limit", "600").withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", Long.toString(reset)).withBody("Retry later")));
        var r = polls.poll(provider("GitLabBranch", url(), Map.of()), new Credentials.None());
        assertEquals(reset, assertInstanceOf(PollResult.RateLimited.class, r).retryAt().getEpochSecond());
    }
}
