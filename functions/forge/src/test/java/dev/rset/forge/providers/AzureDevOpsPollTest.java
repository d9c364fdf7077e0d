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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Azure DevOps Git REST 7.1 shapes: {@code pullrequests} ({@code value}/{@code count}, paged with
 * {@code $top}/{@code $skip}) and {@code refs} (paged with {@code x-ms-continuationtoken}).
 */
class AzureDevOpsPollTest {
    @RegisterExtension
    static WireMockExtension ado = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Polls polls = new Polls();
    static final String REPO = "/fabrikam/Fabrikam%20Fiber/_apis/git/repositories/app";

    String url() {
        return ado.baseUrl() + "/fabrikam/Fabrikam%20Fiber/_git/app";
    }

    static String sha(int n) {
        return String.format("%040x", n * 7727L);
    }

    static String pr(int id, String branch, String by, String label) {
        return """
                {"repository": {"id": "3411ebc1", "name": "app"}, "pullRequestId": %1$d, "codeReviewId": %1$d,
                 "status": "active", "createdBy": {"id": "54d125f7", "displayName": "%3$s", "uniqueName": "x@example.com"},
                 "creationDate": "2026-11-01T10:00:00Z", "title": "PR %1$d", "description": "",
                 "sourceRefName": "refs/heads/%2$s", "targetRefName": "refs/heads/main", "mergeStatus": "succeeded",
                 "isDraft": false, "lastMergeSourceCommit": {"commitId": "%4$s", "url": "u"},
                 "labels": [%5$s], "url": "u"}
                """.formatted(id, branch, by, sha(id),
                label.isEmpty() ? "" : "{\"id\": \"l1\", \"name\": \"" + label + "\", \"active\": true}");
    }

    @Test
    void pullRequestsOverThreePagesOfAHundred() {
        for (int page = 0; page < 3; page++) {
            int from = 250 - page * 100;
            int count = page < 2 ? 100 : 50;
            String value = IntStream.range(0, count).mapToObj(i -> pr(from - i, (from - i) % 50 == 0 ? "feat/" + (from - i)
                    : "chore/" + (from - i), "Jamal Hartnett", (from - i) % 100 == 0 ? "" : "preview"))
                    .collect(Collectors.joining(","));
            ado.stubFor(get(urlPathEqualTo(REPO + "/pullrequests"))
                    .withQueryParam("$skip", equalTo(Integer.toString(page * 100)))
                    .withQueryParam("searchCriteria.status", equalTo("active"))
                    .willReturn(okJson("{\"value\": [" + value + "], \"count\": " + count + "}")));
        }
        var p = provider("AzureDevOpsPullRequest", url(), Map.of("filter", Map.of("includeBranch", "^feat/",
                "labels", List.of("preview"))));
        var r = polls.poll(p, new Credentials.Basic("", "ado-pat"));
        assertEquals(List.of(
                input("id", "250", "sha", sha(250), "branch", "feat/250", "author", "Jamal Hartnett", "title", "PR 250",
                        "labels", List.of("preview")),
                input("id", "150", "sha", sha(150), "branch", "feat/150", "author", "Jamal Hartnett", "title", "PR 150",
                        "labels", List.of("preview")),
                input("id", "50", "sha", sha(50), "branch", "feat/50", "author", "Jamal Hartnett", "title", "PR 50",
                        "labels", List.of("preview"))), inputs(r));
        String basic = "Basic " + Base64.getEncoder().encodeToString(":ado-pat".getBytes(StandardCharsets.UTF_8));
        ado.verify(3, getRequestedFor(urlPathEqualTo(REPO + "/pullrequests")).withHeader("Authorization", equalTo(basic)));
    }

    static String refJson(String name, String objectId, String peeled) {
        return "{\"name\": \"" + name + "\", \"objectId\": \"" + objectId + "\"" + (peeled.isEmpty() ? ""
                : ", \"peeledObjectId\": \"" + peeled + "\"") + ", \"creator\": {\"displayName\": \"x\"}, \"url\": \"u\"}";
    }

    @Test
    void tagsArePeeledToTheirCommitAndPagedByContinuationToken() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).withQueryParam("filter", equalTo("tags/"))
                .withQueryParam("continuationToken", absent())
                .willReturn(okJson("{\"value\": [" + refJson("refs/tags/v1.0.0", sha(1), "") + "], \"count\": 1}")
                        .withHeader("x-ms-continuationtoken", "djEuMS4w")));
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).withQueryParam("filter", equalTo("tags/"))
                .withQueryParam("continuationToken", equalTo("djEuMS4w"))
                .willReturn(okJson("{\"value\": [" + refJson("refs/tags/v1.1.0", sha(9), sha(2)) + "], \"count\": 1}")));
        var p = provider("AzureDevOpsTag", url(), Map.of("filter", Map.of("semver", ">=1.0.0")));
        assertEquals(List.of(input("id", InputIds.of("v1.1.0"), "tag", "v1.1.0", "sha", sha(2)),
                input("id", InputIds.of("v1.0.0"), "tag", "v1.0.0", "sha", sha(1))),
                inputs(polls.poll(p, new Credentials.None())));
    }

    @Test
    void branchesFromHeads() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).withQueryParam("filter", equalTo("heads/"))
                .willReturn(okJson("{\"value\": [" + refJson("refs/heads/main", sha(3), "") + ","
                        + refJson("refs/heads/feature/x", sha(4), "") + "], \"count\": 2}")));
        assertEquals(List.of(input("id", InputIds.of("feature/x"), "branch", "feature/x", "sha", sha(4))),
                inputs(polls.poll(provider("AzureDevOpsBranch", url(), Map.of("filter",
                        Map.of("includeBranch", "^feature/"))), new Credentials.None())));
    }

    @Test
    void throttlingWithRetryAfterAndServerErrors() {
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withHeader("X-RateLimit-Resource", "Core")));
        assertEquals(Polls.NOW.plusSeconds(30), assertInstanceOf(PollResult.RateLimited.class,
                polls.poll(provider("AzureDevOpsBranch", url(), Map.of()), new Credentials.None())).retryAt());
        ado.stubFor(get(urlPathEqualTo(REPO + "/refs")).willReturn(aResponse().withStatus(503)));
        assertEquals(503, assertInstanceOf(PollResult.ServerError.class,
                polls.poll(provider("AzureDevOpsBranch", url(), Map.of()), new Credentials.None())).status());
    }
}
