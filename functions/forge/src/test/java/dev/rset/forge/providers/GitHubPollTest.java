package dev.rset.forge.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.rset.forge.providers.Polls.input;
import static dev.rset.forge.providers.Polls.inputs;
import static dev.rset.forge.providers.Polls.provider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.rset.core.inputs.InputIds;
import dev.rset.forge.providers.github.GitHubAppTokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GitHub REST shapes (GET /repos/{owner}/{repo}/pulls, /branches, /tags with {@code Link} pages;
 * POST /app/installations/{id}/access_tokens) served on a GitHub Enterprise style base URL.
 */
class GitHubPollTest {
    @RegisterExtension
    static WireMockExtension gh = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Polls polls = new Polls();

    String repoUrl() {
        return gh.baseUrl() + "/org/app";
    }

    static final String API = "/api/v3/repos/org/app";

    static String pr(int number, String branch, String login, String title, String... labels) {
        String ls = Arrays.stream(labels).map(l -> "{\"id\": 1, \"name\": \"" + l + "\", \"color\": \"f29513\"}")
                .collect(Collectors.joining(", "));
        return """
                {"url": "https://api.github.com/repos/org/app/pulls/%1$d", "id": %1$d00, "number": %1$d,
                 "state": "open", "locked": false, "title": "%4$s", "draft": false,
                 "user": {"login": "%3$s", "id": 1, "type": "User"},
                 "labels": [%5$s],
                 "head": {"label": "org:%2$s", "ref": "%2$s", "sha": "%6$s", "user": {"login": "org"}},
                 "base": {"label": "org:main", "ref": "main", "sha": "0000000000000000000000000000000000000000"},
                 "created_at": "2026-11-01T10:00:00Z", "updated_at": "2026-11-02T10:00:00Z"}
                """.formatted(number, branch, login, title, ls, sha(number));
    }

    static String sha(int n) {
        return String.format("%040x", n * 7919L);
    }

    void pages(String path, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i++) {
            var response = okJson(bodies.get(i));
            if (i + 1 < bodies.size()) {
                String next = gh.baseUrl() + API + path + "?state=open&per_page=100&page=" + (i + 2);
                String last = gh.baseUrl() + API + path + "?state=open&per_page=100&page=" + bodies.size();
                response = response.withHeader("Link", "<" + next + ">; rel=\"next\", <" + last + ">; rel=\"last\"");
            }
            gh.stubFor(get(urlPathEqualTo(API + path))
                    .withQueryParam("page", i == 0 ? absent() : equalTo(Integer.toString(i + 1)))
                    .willReturn(response));
        }
    }

    void pullPages() {
        pages("/pulls", List.of(
                "[" + pr(9, "feat/login", "alice", "Login page", "preview") + ","
                        + pr(8, "fix/typo", "bob", "Typo", "preview") + ","
                        + pr(7, "feat/no-label", "carol", "No label") + "]",
                "[" + pr(6, "feat/skip-me", "dave", "Skipped by exclude", "preview") + ","
                        + pr(5, "feat/held", "erin", "Held", "preview", "hold") + "]",
                "[" + pr(4, "feat/new-held", "frank", "New and held", "preview", "hold") + ","
                        + pr(3, "feat/search", "grace", "Search", "preview", "ready") + "]"));
    }

    @Test
    void pullRequestsOverThreePagesWithLabelRegexSkipAndDefaults() {
        pullPages();
        var p = provider("GitHubPullRequest", repoUrl(), Map.of(
                "filter", Map.of("labels", List.of("preview"), "includeBranch", "^(feat|fix)/",
                        "excludeBranch", "^feat/skip"),
                "skip", Map.of("labels", List.of("hold")),
                "defaultValues", Map.of("env", "preview", "branch", "overridden")));
        List<Map<String, Object>> previous = List.of(input("id", "5", "sha", "old", "branch", "feat/held",
                "author", "erin", "title", "Held", "env", "preview"));
        var r = polls.poll(p, new Credentials.Basic("git", "ghp_secret"), previous, Duration.ofSeconds(30));
        assertEquals(List.of(
                input("id", "9", "sha", sha(9), "branch", "feat/login", "author", "alice", "title", "Login page",
                        "labels", List.of("preview"), "env", "preview"),
                input("id", "8", "sha", sha(8), "branch", "fix/typo", "author", "bob", "title", "Typo",
                        "labels", List.of("preview"), "env", "preview"),
                previous.get(0),
                input("id", "3", "sha", sha(3), "branch", "feat/search", "author", "grace", "title", "Search",
                        "labels", List.of("preview", "ready"), "env", "preview")), inputs(r));
        for (LoggedRequest req : gh.findAll(getRequestedFor(urlPathEqualTo(API + "/pulls")))) {
            assertEquals("Bearer ghp_secret", req.getHeader("Authorization"));
            assertEquals("application/vnd.github+json", req.getHeader("Accept"));
        }
        gh.verify(3, getRequestedFor(urlPathEqualTo(API + "/pulls")));
    }

    @Test
    void aNegatedSkipLabelHoldsRequestsWithoutIt() {
        pullPages();
        var p = provider("GitHubPullRequest", repoUrl(), Map.of("filter", Map.of("labels", List.of("preview")),
                "skip", Map.of("labels", List.of("!ready"))));
        var r = polls.poll(p, new Credentials.None(), List.of(input("id", "9", "sha", "kept")), Duration.ofSeconds(30));
        assertEquals(List.of(input("id", "9", "sha", "kept"), input("id", "3", "sha", sha(3), "branch",
                "feat/search", "author", "grace", "title", "Search", "labels", List.of("preview", "ready"))), inputs(r));
    }

    @Test
    void theLimitStopsPagingOnceEnoughRequestsPass() {
        pullPages();
        var p = provider("GitHubPullRequest", repoUrl(), Map.of("filter", Map.of("limit", 2)));
        var r = polls.poll(p, new Credentials.None());
        assertEquals(List.of("9", "8"), inputs(r).stream().map(m -> m.get("id")).toList());
        gh.verify(1, getRequestedFor(urlPathEqualTo(API + "/pulls")));
        assertFalse(gh.findAll(getRequestedFor(urlPathEqualTo(API + "/pulls"))).get(0).containsHeader("Authorization"));
    }

    static String ref(String name, int n) {
        return "{\"name\": \"" + name + "\", \"commit\": {\"sha\": \"" + sha(n) + "\", \"url\": \"https://api.github.com/"
                + "repos/org/app/commits/" + sha(n) + "\"}, \"protected\": false}";
    }

    static String tag(String name, int n) {
        return "{\"name\": \"" + name + "\", \"commit\": {\"sha\": \"" + sha(n) + "\", \"url\": \"https://api.github.com/"
                + "repos/org/app/commits/" + sha(n) + "\"}, \"zipball_url\": \"https://api.github.com/repos/org/app/zipball/"
                + name + "\", \"tarball_url\": \"https://api.github.com/repos/org/app/tarball/" + name
                + "\", \"node_id\": \"MDM6UmVm\"}";
    }

    void tagPages() {
        pages("/tags", List.of("[" + tag("v2.0.0", 1) + "," + tag("v1.10.0", 2) + "]",
                "[" + tag("v1.2.3", 3) + "," + tag("latest", 4) + "]",
                "[" + tag("v1.0.0", 5) + "," + tag("v0.9.0", 6) + "," + tag("1.x-rc", 7) + "]"));
    }

    @Test
    void tagsInASemverRangeNewestFirstThenTheLimit() {
        tagPages();
        var p = provider("GitHubTag", repoUrl(), Map.of("filter", Map.of("semver", ">=1.0.0 <2.0.0", "limit", 2)));
        assertEquals(List.of(input("id", InputIds.of("v1.10.0"), "tag", "v1.10.0", "sha", sha(2)),
                input("id", InputIds.of("v1.2.3"), "tag", "v1.2.3", "sha", sha(3))),
                inputs(polls.poll(p, new Credentials.None())));
        gh.verify(3, getRequestedFor(urlPathEqualTo(API + "/tags")));
    }

    @Test
    void tagsWithoutSemverAreReverseLexicalAndRegexFiltered() {
        tagPages();
        var p = provider("GitHubTag", repoUrl(), Map.of("filter", Map.of("includeTag", "^v", "excludeTag", "^v0")));
        assertEquals(List.of("v2.0.0", "v1.2.3", "v1.10.0", "v1.0.0"),
                inputs(polls.poll(p, new Credentials.None())).stream().map(m -> m.get("tag")).toList());
    }

    @Test
    void branchesFilteredByRegex() {
        pages("/branches", List.of("[" + ref("main", 1) + "," + ref("feat/a", 2) + "]", "[" + ref("feat/b", 3) + "]"));
        var p = provider("GitHubBranch", repoUrl(), Map.of("filter", Map.of("includeBranch", "^feat/")));
        assertEquals(List.of(input("id", InputIds.of("feat/a"), "branch", "feat/a", "sha", sha(2)),
                input("id", InputIds.of("feat/b"), "branch", "feat/b", "sha", sha(3))),
                inputs(polls.poll(p, new Credentials.None())));
    }

    /** Issue #11: this filter held a webhook 41.7 s at 44 characters under java.util.regex. */
    @Test
    void theHostileBranchOfIssue11IsFilteredOut() {
        String hostile = "feat/" + "a".repeat(250) + "!";
        pages("/branches", List.of("[" + ref(hostile, 1) + "," + ref("feat/ok-1", 2) + "]"));
        var p = provider("GitHubBranch", repoUrl(),
                Map.of("filter", Map.of("includeBranch", "^(feat|fix)/([a-z0-9]+[-_]?){1,10}$")));
        assertEquals(List.of("feat/ok-1"),
                inputs(polls.poll(p, new Credentials.None())).stream().map(m -> m.get("branch")).toList());
    }

    void answer(int status, Map<String, String> headers) {
        var response = aResponse().withStatus(status).withBody("{\"message\": \"nope\"}");
        for (var h : headers.entrySet()) {
            response = response.withHeader(h.getKey(), h.getValue());
        }
        gh.stubFor(get(urlPathEqualTo(API + "/pulls")).willReturn(response));
    }

    PollResult pollPulls() {
        return polls.poll(provider("GitHubPullRequest", repoUrl(), Map.of()), new Credentials.Token("t0k3n-secret"));
    }

    @Test
    void errorsMapToResultsThatNameTheRequestButNoSecret() {
        answer(401, Map.of());
        var unauthorized = assertInstanceOf(PollResult.Unauthorized.class, pullsResult());
        assertTrue(unauthorized.message().contains("GET " + gh.baseUrl() + API + "/pulls"), unauthorized.message());
        assertFalse(unauthorized.message().contains("t0k3n-secret"));
        answer(403, Map.of("X-RateLimit-Remaining", "4999"));
        assertEquals("Forbidden", pullsResult().reason());
        answer(404, Map.of());
        assertInstanceOf(PollResult.NotFound.class, pullsResult());
        answer(502, Map.of());
        assertEquals(502, assertInstanceOf(PollResult.ServerError.class, pullsResult()).status());
    }

    PollResult pullsResult() {
        return pollPulls();
    }

    @Test
    void rateLimitsSayWhenToRetry() {
        answer(429, Map.of("Retry-After", "120"));
        assertEquals(Polls.NOW.plusSeconds(120),
                assertInstanceOf(PollResult.RateLimited.class, pollPulls()).retryAt());
        long reset = Polls.NOW.getEpochSecond() + 1800;
        answer(403, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));
        var limited = assertInstanceOf(PollResult.RateLimited.class, pollPulls());
        assertEquals(reset, limited.retryAt().getEpochSecond());
        assertEquals("RateLimited", limited.reason());
        answer(403, Map.of("Retry-After", "60"));
        assertEquals(Polls.NOW.plusSeconds(60), ((PollResult.RateLimited) pollPulls()).retryAt());
    }

    @Test
    void aServerSlowerThanTheReconcileTimeoutIsATimeout() {
        gh.stubFor(get(urlPathEqualTo(API + "/pulls")).willReturn(okJson("[]").withFixedDelay(5_000)));
        var r = polls.poll(provider("GitHubPullRequest", repoUrl(), Map.of()), new Credentials.None(), List.of(),
                Duration.ofMillis(200));
        assertEquals("Timeout", assertInstanceOf(PollResult.TimedOut.class, r).reason());
    }

    /** The headers come at once, the body trickles in: the budget covers reading the body too. */
    @Test
    void aBodyThatTricklesPastTheReconcileTimeoutIsATimeout() {
        gh.stubFor(get(urlPathEqualTo(API + "/pulls")).willReturn(okJson("[" + pr(1, "a", "b", "c") + "]")
                .withChunkedDribbleDelay(20, 5_000)));
        var r = polls.poll(provider("GitHubPullRequest", repoUrl(), Map.of()), new Credentials.None(), List.of(),
                Duration.ofMillis(300));
        assertInstanceOf(PollResult.TimedOut.class, r);
    }

    @Test
    void apiBaseOfGitHubComAndEnterprise() throws Exception {
        assertEquals("https://api.github.com",
                dev.rset.forge.providers.git.GitHubApi.apiBase("https://github.com/org/app.git"));
        assertEquals("https://ghe.example.com/api/v3",
                dev.rset.forge.providers.git.GitHubApi.apiBase("https://ghe.example.com/org/app"));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The RSAPrivateKey (PKCS#1) inside a PKCS#8 PrivateKeyInfo: its last element, an OCTET STRING. */
    static byte[] pkcs1(byte[] pkcs8) {
        int i = 26; // SEQUENCE hdr (4) + INTEGER 0 (3) + AlgorithmIdentifier (15) + OCTET STRING hdr (4) for 2048-bit keys
        return Arrays.copyOfRange(pkcs8, i, pkcs8.length);
    }

    @Test
    void gitHubAppSignsAJwtBuysAnInstallationTokenAndCachesItUntilNearExpiry() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        gh.stubFor(post(urlPathEqualTo("/api/v3/app/installations/4242/access_tokens")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"token\": \"ghs_installation\", \"expires_at\": \"2026-11-27T13:00:00Z\", "
                        + "\"permissions\": {\"pull_requests\": \"read\"}, \"repository_selection\": \"selected\"}")));
        gh.stubFor(get(urlPathEqualTo(API + "/pulls")).willReturn(okJson("[" + pr(1, "feat/x", "a", "X") + "]")));
        var app = new Credentials.GitHubApp(new GitHubAppTokens.App("123", "4242", "",
                pem("RSA PRIVATE KEY", pkcs1(keys.getPrivate().getEncoded()))), "");
        var p = provider("GitHubPullRequest", repoUrl(), Map.of());

        assertEquals(1, inputs(polls.poll(p, app)).size());
        polls.clock.advance(Duration.ofMinutes(50));
        assertEquals(1, inputs(polls.poll(p, app)).size());
        gh.verify(1, postRequestedFor(urlPathEqualTo("/api/v3/app/installations/4242/access_tokens")));
        polls.clock.advance(Duration.ofMinutes(6)); // within 5 minutes of expiry: a new token
        assertEquals(1, inputs(polls.poll(p, app)).size());
        gh.verify(2, postRequestedFor(urlPathEqualTo("/api/v3/app/installations/4242/access_tokens")));
        for (LoggedRequest req : gh.findAll(getRequestedFor(urlPathEqualTo(API + "/pulls")))) {
            assertEquals("Bearer ghs_installation", req.getHeader("Authorization"));
        }

        String jwt = gh.findAll(postRequestedFor(urlPathEqualTo("/api/v3/app/installations/4242/access_tokens")))
                .get(0).getHeader("Authorization").substring("Bearer ".length());
        String[] parts = jwt.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        long iat = Polls.NOW.getEpochSecond() - 60;
        assertEquals("{\"iat\":" + iat + ",\"exp\":" + (iat + 600) + ",\"iss\":\"123\"}", claims);
    }

    @Test
    void gitHubAppFindsItsInstallationByOwner() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        gh.stubFor(get(urlPathEqualTo("/api/v3/orgs/someone/installation")).willReturn(aResponse().withStatus(404)));
        gh.stubFor(get(urlPathEqualTo("/api/v3/users/someone/installation"))
                .willReturn(okJson("{\"id\": 77, \"account\": {\"login\": \"someone\"}, \"app_id\": 123}")));
        gh.stubFor(post(urlPathEqualTo("/api/v3/app/installations/77/access_tokens")).willReturn(aResponse()
                .withStatus(201).withBody("{\"token\": \"ghs_77\", \"expires_at\": \"2026-11-27T13:00:00Z\"}")));
        gh.stubFor(get(urlPathEqualTo(API + "/branches")).willReturn(okJson("[" + ref("main", 1) + "]")));
        var app = new Credentials.GitHubApp(new GitHubAppTokens.App("123", "", "someone",
                pem("PRIVATE KEY", keys.getPrivate().getEncoded())), "");
        assertEquals(1, inputs(polls.poll(provider("GitHubBranch", repoUrl(), Map.of()), app)).size());
        assertEquals("Bearer ghs_77",
                gh.findAll(getRequestedFor(urlPathEqualTo(API + "/branches"))).get(0).getHeader("Authorization"));
    }

    @Test
    void aBrokenPrivateKeyFailsWithoutEchoingIt() {
        var app = new Credentials.GitHubApp(new GitHubAppTokens.App("123", "1", "", "-----BEGIN RSA PRIVATE KEY-----\n"
                + "bm90IGEga2V5\n-----END RSA PRIVATE KEY-----\n"), "");
        var r = assertInstanceOf(PollResult.Failed.class, polls.poll(provider("GitHubTag", repoUrl(), Map.of()), app));
        assertEquals("GitHub App 123: githubAppPrivateKey is not an RSA private key in PEM form", r.message());
        assertFalse(app.toString().contains("PRIVATE KEY"));
    }
}
