package dev.rset.providers.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.rset.core.inputs.InputIds;
import dev.rset.forge.providers.Credentials;
import dev.rset.forge.providers.PollRequest;
import dev.rset.forge.providers.PollResult;
import dev.rset.forge.providers.ProviderPoller;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.forge.testing.Objects;
import dev.rset.core.api.ResourceSetInputProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * CodeCommit's API in its JSON 1.1 protocol ({@code X-Amz-Target: CodeCommit_20150413.<Call>}) with
 * the documented response shapes. moto 5.2.1 implements only CodeCommit's repository calls (no pull
 * requests, no branches), so the service is served by WireMock here; the SDK, its signing and its
 * error parsing are the real ones.
 */
class CodeCommitPollTest {
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final String URL = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app";

    ProviderPoller poller;

    @BeforeEach
    void poller() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
        poller = new ProviderPoller(ProviderPoller.defaultClient(), Clock.fixed(NOW, ZoneOffset.UTC),
                new GitHubAppTokens(), new AwsSdkSources(credentials,
                        new AwsSdkSources.Endpoints(Optional.of(URI.create(api.baseUrl())), Optional.empty(),
                                Optional.of(api.baseUrl())),
                        Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static MappingBuilder call(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("CodeCommit_20150413." + target));
    }

    static String ids(String... ids) {
        return "\"" + String.join("\", \"", ids) + "\"";
    }

    /** Pull requests 1..5 over three pages; #3 targets a branch the filter excludes. */
    void threePagesOfPullRequests() {
        String[][] pages = {{"1", "2"}, {"3", "4"}, {"5"}};
        for (int i = 0; i < pages.length; i++) {
            String next = i + 1 < pages.length ? ", \"nextToken\": \"page" + (i + 2) + "\"" : "";
            api.stubFor(call("ListPullRequests")
                    .withRequestBody(matchingJsonPath("$.repositoryName", equalTo("app")))
                    .withRequestBody(matchingJsonPath("$.pullRequestStatus", equalTo("OPEN")))
                    .withRequestBody(i == 0 ? matchingJsonPath("$.nextToken", absent())
                            : matchingJsonPath("$.nextToken", equalTo("page" + (i + 1))))
                    .willReturn(okJson("{\"pullRequestIds\": [" + ids(pages[i]) + "]" + next + "}")));
        }
        for (int n = 1; n <= 5; n++) {
            String branch = n == 3 ? "renovate/deps" : "feat-" + n;
            api.stubFor(call("GetPullRequest").withRequestBody(matchingJsonPath("$.pullRequestId", equalTo("" + n)))
                    .willReturn(okJson("{\"pullRequest\": {\"pullRequestId\": \"" + n + "\", \"title\": \"Change " + n
                            + "\", \"pullRequestStatus\": \"OPEN\", \"authorArn\": "
                            + "\"arn:aws:sts::123456789012:assumed-role/Dev/alice\", \"pullRequestTargets\": [{"
                            + "\"repositoryName\": \"app\", \"sourceReference\": \"refs/heads/" + branch + "\", "
                            + "\"destinationReference\": \"refs/heads/main\", \"sourceCommit\": \"sha" + n + "\", "
                            + "\"destinationCommit\": \"base\", \"mergeBase\": \"base\"}]}}")));
        }
    }

    PollResult poll(String type, Map<String, Object> spec) {
        return poll(type, spec, Duration.ofSeconds(30));
    }

    PollResult poll(String type, Map<String, Object> spec, Duration timeout) {
        ResourceSetInputProvider p = Objects.provider("cc", type, URL, spec);
        return poller.poll(new PollRequest(p, new Credentials.None(), timeout, List.of()));
    }

    static List<Map<String, Object>> inputs(PollResult r) {
        return assertInstanceOf(PollResult.Inputs.class, r, () -> r.reason() + ": " + r.message()).inputs();
    }

    @Test
    void pullRequestsAcrossThreePagesWithTheBranchFilter() {
        threePagesOfPullRequests();
        // filter.labels is ignored: CodeCommit pull requests have none (the Flux Operator ignores it too).
        List<Map<String, Object>> out = inputs(poll("AWSCodeCommitPullRequest",
                Map.of("filter", Map.of("excludeBranch", "^renovate/", "labels", List.of("preview")))));
        assertEquals(List.of("1", "2", "4", "5"), out.stream().map(i -> i.get("id")).toList());
        Map<String, Object> first = out.get(0);
        assertEquals("sha1", first.get("sha"));
        assertEquals("feat-1", first.get("branch"));
        assertEquals("alice", first.get("author"));
        assertEquals("Change 1", first.get("title"));
    }

    @Test
    void limitStopsListingOnceEnoughPass() {
        threePagesOfPullRequests();
        List<Map<String, Object>> out = inputs(poll("AWSCodeCommitPullRequest",
                Map.of("filter", Map.of("limit", 2))));
        assertEquals(List.of("1", "2"), out.stream().map(i -> i.get("id")).toList());
        api.verify(0, postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.nextToken", equalTo("page2"))));
    }

    @Test
    void branchesAcrossThreePagesAskTheCommitOnlyOfKeptBranches() {
        String[][] pages = {{"main", "feat-a"}, {"release-1", "feat-b"}, {"feat-c"}};
        for (int i = 0; i < pages.length; i++) {
            String next = i + 1 < pages.length ? ", \"nextToken\": \"b" + (i + 2) + "\"" : "";
            api.stubFor(call("ListBranches")
                    .withRequestBody(i == 0 ? matchingJsonPath("$.nextToken", absent())
                            : matchingJsonPath("$.nextToken", equalTo("b" + (i + 1))))
                    .willReturn(okJson("{\"branches\": [" + ids(pages[i]) + "]" + next + "}")));
        }
        for (String b : List.of("feat-a", "feat-b", "feat-c")) {
            api.stubFor(call("GetBranch").withRequestBody(matchingJsonPath("$.branchName", equalTo(b)))
                    .willReturn(okJson("{\"branch\": {\"branchName\": \"" + b + "\", \"commitId\": \"c-" + b + "\"}}")));
        }
        List<Map<String, Object>> out = inputs(poll("AWSCodeCommitBranch",
                Map.of("filter", Map.of("includeBranch", "^feat-"))));
        assertEquals(List.of(
                Map.of("id", InputIds.of("feat-a"), "branch", "feat-a", "sha", "c-feat-a"),
                Map.of("id", InputIds.of("feat-b"), "branch", "feat-b", "sha", "c-feat-b"),
                Map.of("id", InputIds.of("feat-c"), "branch", "feat-c", "sha", "c-feat-c")),
                out.stream().map(i -> Map.of("id", i.get("id"), "branch", i.get("branch"), "sha", i.get("sha")))
                        .toList());
        api.verify(0, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("CodeCommit_20150413.GetBranch"))
                .withRequestBody(matchingJsonPath("$.branchName", equalTo("main"))));
    }

    @Test
    void throttlingIsARateLimitWithABackOff() {
        api.stubFor(call("ListPullRequests").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"ThrottlingException\", \"message\": \"Rate exceeded\"}")));
        PollResult r = poll("AWSCodeCommitPullRequest", Map.of());
        PollResult.RateLimited limited = assertInstanceOf(PollResult.RateLimited.class, r, r::message);
        assertEquals(NOW.plus(SdkFailures.THROTTLED_BACKOFF), limited.retryAt());
        assertEquals(1, api.findAll(postRequestedFor(urlEqualTo("/"))).size(), "the SDK must not retry");
    }

    @Test
    void accessDeniedSaysWhichCallTheRoleMayNotMake() {
        api.stubFor(call("ListBranches").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"AccessDeniedException\", \"message\": \"User: arn:aws:sts::123456789012:"
                        + "assumed-role/scheduler/fn is not authorized to perform: codecommit:ListBranches\"}")));
        PollResult r = poll("AWSCodeCommitBranch", Map.of());
        assertEquals("Forbidden", r.reason());
        assertTrue(r.message().startsWith("CodeCommit ListBranches (app in eu-west-1): AccessDeniedException"),
                r.message());
        assertTrue(r.message().contains("codecommit:ListBranches"), r.message());
    }

    @Test
    void aServiceSlowerThanTheReconcileTimeoutIsATimeout() {
        threePagesOfPullRequests();
        api.stubFor(call("GetPullRequest").atPriority(1).willReturn(okJson("{}").withFixedDelay(5_000)));
        PollResult r = poll("AWSCodeCommitPullRequest", Map.of(), Duration.ofMillis(300));
        assertInstanceOf(PollResult.TimedOut.class, r, r::message);
    }

    @Test
    void aMissingRepositoryIsNotFound() {
        api.stubFor(call("ListPullRequests").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"RepositoryDoesNotExistException\", \"message\": \"app does not exist\"}")));
        assertEquals("NotFound", poll("AWSCodeCommitPullRequest", Map.of()).reason());
    }

    /** Git's pkt-line framing: four hex digits of length, the length included. */
    static String pkt(String line) {
        return String.format("%04x", line.getBytes(StandardCharsets.UTF_8).length + 4) + line;
    }

    /**
     * The password botocore's SigV4 signer gives for {@code GIT /v1/repos/app} on
     * git-codecommit.eu-west-1.amazonaws.com at 2026-11-27T12:00:00Z with these keys (computed with
     * botocore 1.x {@code SigV4Auth.signature}, as git-remote-codecommit does).
     */
    static final String GIT_PASSWORD = "20261127T120000Zeef1873d220c298209d268a06009942318ac1fa9096b6e2e0dd51e00039cd998";

    @Test
    void tagsFromTheGitRefAdvertisementWithSignedCredentialsSemverAndPeeledCommits() {
        String c = "a".repeat(40);
        String body = pkt("# service=git-upload-pack\n") + "0000"
                + pkt(c + " HEAD\0multi_ack side-band-64k ofs-delta symref=HEAD:refs/heads/main\n")
                + pkt(c + " refs/heads/main\n")
                + pkt("1".repeat(40) + " refs/tags/v1.0.0\n")
                + pkt("2".repeat(40) + " refs/tags/v1.2.0\n")
                + pkt("3".repeat(40) + " refs/tags/v1.2.0^{}\n")
                + pkt("4".repeat(40) + " refs/tags/v2.0.0\n")
                + pkt("5".repeat(40) + " refs/tags/nightly\n") + "0000";
        String basic = "Basic " + Base64.getEncoder().encodeToString(("AKIDTEST:" + GIT_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        api.stubFor(get(urlEqualTo("/v1/repos/app/info/refs?service=git-upload-pack"))
                .withHeader("Authorization", equalTo(basic))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-git-upload-pack-advertisement").withBody(body)));
        List<Map<String, Object>> out = inputs(poll("AWSCodeCommitTag", Map.of("filter", Map.of("semver", "1.x"))));
        assertEquals(List.of(
                Map.of("id", InputIds.of("v1.2.0"), "tag", "v1.2.0", "sha", "3".repeat(40)),
                Map.of("id", InputIds.of("v1.0.0"), "tag", "v1.0.0", "sha", "1".repeat(40))),
                out.stream().map(i -> Map.of("id", i.get("id"), "tag", i.get("tag"), "sha", i.get("sha"))).toList());
    }

    @Test
    void aRefusedGitLoginIsForbidden() {
        api.stubFor(get(urlEqualTo("/v1/repos/app/info/refs?service=git-upload-pack"))
                .willReturn(aResponse().withStatus(403)));
        assertEquals("Forbidden", poll("AWSCodeCommitTag", Map.of()).reason());
    }
}
