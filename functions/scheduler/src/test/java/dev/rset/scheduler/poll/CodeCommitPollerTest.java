package dev.rset.scheduler.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.rset.core.api.ResourceSetInputProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;

/**
 * AWSCodeCommitPullRequest providers against the CodeCommit JSON API's documented shapes
 * (WireMock: moto_server's CodeCommit has no pull request calls).
 */
class CodeCommitPollerTest {
    static final String URL = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app";
    static final String TARGET = "CodeCommit_20150413.";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static CodeCommitPoller poller() {
        CodeCommitClient cc = CodeCommitClient.builder().region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(URI.create(api.baseUrl())).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        return new CodeCommitPoller(region -> {
            assertEquals("eu-west-1", region, "the region comes from the provider's URL");
            return cc;
        }, (p, t) -> {
            throw new AssertionError("only CodeCommit providers are asked here");
        });
    }

    static ResourceSetInputProvider provider(String type, Map<String, Object> filter) {
        return ResourceSetInputProvider.from(Map.of("apiVersion", "fluxcd.controlplane.io/v1",
                "kind", "ResourceSetInputProvider", "metadata", Map.of("name", "prs", "namespace", "apps"),
                "spec", Map.of("type", type, "url", URL, "filter", filter)));
    }

    static String pullRequest(String id, String branch, String sha, String author) {
        return """
                {"pullRequest": {"pullRequestId": "%1$s", "title": "change %1$s", "pullRequestStatus": "OPEN",
                  "authorArn": "arn:aws:iam::123456789012:user/%4$s",
                  "pullRequestTargets": [{"repositoryName": "app", "sourceReference": "refs/heads/%2$s",
                    "destinationReference": "refs/heads/main", "sourceCommit": "%3$s",
                    "destinationCommit": "0000000000000000000000000000000000000000", "mergeMetadata": {"isMerged": false}}]}}
                """.formatted(id, branch, sha, author);
    }

    static void stubList(String token, String body) {
        api.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "ListPullRequests"))
                .withRequestBody(token == null ? equalToJson("{\"repositoryName\": \"app\", \"pullRequestStatus\": "
                        + "\"OPEN\", \"maxResults\": 100}") : containing("\"nextToken\":\"" + token + "\""))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    static void stubGet(String id, String body) {
        api.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "GetPullRequest"))
                .withRequestBody(equalToJson("{\"pullRequestId\": \"" + id + "\"}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    @Test
    void openRequestsOverTwoPagesWithTheBranchFilterAndTheLimit() {
        stubList(null, "{\"pullRequestIds\": [\"7\", \"6\"], \"nextToken\": \"page-2\"}");
        stubList("page-2", "{\"pullRequestIds\": [\"5\", \"4\"]}");
        stubGet("7", pullRequest("7", "feat-a", "a7", "alice"));
        stubGet("6", pullRequest("6", "wip-b", "b6", "bob"));
        stubGet("5", pullRequest("5", "feat-c", "c5", "carol"));
        stubGet("4", pullRequest("4", "feat-d", "d4", "dan"));

        PollResult r = poller().poll(provider("AWSCodeCommitPullRequest",
                Map.of("includeBranch", "^feat-", "limit", 2)), Duration.ofSeconds(10));

        Map<String, Map<String, Object>> inputs = ((PollResult.Listed) r).inputs();
        assertEquals(java.util.Set.of("7", "5"), inputs.keySet(), "wip-b is filtered out; the limit stops at two");
        assertEquals(Map.of("id", "5", "sha", "c5", "branch", "feat-c", "author", "carol", "title", "change 5"),
                inputs.get("5"), "the API reference's change request inputs; the author is the ARN's last part");
    }

    @Test
    void aMissingRepositoryIsNamedAndTheOtherTypesAreNotPolledYet() {
        api.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "ListPullRequests"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"RepositoryDoesNotExistException\", \"message\": \"app does not exist\"}")));
        PollResult missing = poller().poll(provider("AWSCodeCommitPullRequest", Map.of()), Duration.ofSeconds(10));
        assertEquals("NotFound", ((PollResult.Failed) missing).reason(), missing.toString());
        PollResult branch = poller().poll(provider("AWSCodeCommitBranch", Map.of()), Duration.ofSeconds(10));
        assertEquals("ReconciliationFailed", ((PollResult.Failed) branch).reason());
        assertTrue(((PollResult.Failed) branch).message().contains("AWSCodeCommitBranch"));
    }
}
