package dev.rset.reconciler.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.reconciler.ReconcilerStores;
import dev.rset.reconciler.ResourceSetReconciler;
import dev.rset.reconciler.inputs.ResourceSetInputs;
import dev.rset.reconciler.notify.ForgeNotifications;
import dev.rset.store.Condition;
import dev.rset.store.Ordering;
import dev.rset.store.SecretStore;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications of real runs on the real test clusters, the forge being WireMock with GitHub's
 * shapes: a pull request gets pending then success and one comment; a steady state sends nothing;
 * a refusing forge leaves the run alone and records NotificationFailed; a build error and a
 * closed pull request are told too, and so is a new error or a new cluster on the same commit; a
 * GitHub App's installation token is bought and used.
 */
class LiveNotificationsTest extends LiveFixture {
    @RegisterExtension
    static WireMockExtension gh = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REPO = "/api/v3/repos/org/app";
    static final String SHA1 = "1111111111111111111111111111111111111111";
    static final String SHA2 = "2222222222222222222222222222222222222222";
    static final String NOTIFY = """
                notify.rset.dev/forge: github
                notify.rset.dev/secretRef: forge-token
            """;

    SecretStore secrets;

    @BeforeEach
    void forge(MotoServer moto) {
        gh.resetAll();
        gh.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
        // One comment, created once: the listing shows it once it was posted.
        gh.stubFor(get(urlPathEqualTo(REPO + "/issues/12/comments")).inScenario("comment")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        gh.stubFor(post(urlPathEqualTo(REPO + "/issues/12/comments")).inScenario("comment")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("created")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\": 77}")));
        gh.stubFor(get(urlPathEqualTo(REPO + "/issues/12/comments")).inScenario("comment")
                .whenScenarioStateIs("created")
                .willReturn(okJson("[{\"id\": 77, \"body\": \"<!-- rset:apps/previews --> old\"}]")));
        secrets = new SecretsManagerSecretStore(TestTables.secrets(moto));
        secrets.put("rset/secrets/apps/forge-token", "{\"token\": \"t0k\"}", "test forge token");
        define(RSIP.replace("https://github.com/org/app", gh.baseUrl() + "/org/app"), Map.of());
        define(RSET.replace("rset.dev/clusters: env=prod\n", "rset.dev/clusters: env=prod\n" + NOTIFY), Map.of());
        reconciler = new ResourceSetReconciler(new ReconcilerStores(stores.definitions(), stores.inputs(),
                stores.inventories(), stores.statuses(), stores.schedules()), connector,
                (namespace, sa) -> dev.rset.delivery.Identity.CONTROL_PLANE, renders, Clock.systemUTC(),
                new ForgeNotifications(new ForgeNotifications.Ports(stores.definitions(),
                        new ResourceSetInputs(stores.definitions(), stores.inputs()), renders, stores.statuses(),
                        secrets, "rset", HttpClient::newHttpClient, new GitHubAppTokens(), Clock.systemUTC(),
                        Duration.ofSeconds(10))));
    }

    void openPr(String sha, String title) {
        stores.inputs().put(PRS, "12", Map.of("id", "12", "sha", sha, "branch", "feat", "title", title,
                "author", "ann"), new Ordering(Instant.now(), "d" + ++sequence));
    }

    /** The requests since the last call as {@code METHOD path}, with the JSON bodies. */
    record Request(String line, JsonNode body, String authorization) {
    }

    List<Request> requests() throws IOException {
        List<ServeEvent> events = new ArrayList<>(gh.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<Request> out = new ArrayList<>();
        for (ServeEvent e : events) {
            String body = e.getRequest().getBodyAsString();
            out.add(new Request(e.getRequest().getMethod().value() + " " + e.getRequest().getUrl(),
                    body.isEmpty() ? null : JSON.readTree(body), e.getRequest().getHeader("Authorization")));
        }
        gh.resetRequests();
        return out;
    }

    static List<String> lines(List<Request> rs) {
        return rs.stream().map(Request::line).toList();
    }

    @Test
    void aPullRequestGetsPendingThenSuccessAndOneCommentNamingTheClusterAndObjects() throws IOException {
        openPr(SHA1, "Add login");
        assertEquals("True", run("a").status(), status("a").lastError());
        assertNotNull(configMap(adminA, "app-12"));
        List<Request> rs = requests();
        assertEquals(List.of("POST " + REPO + "/statuses/" + SHA1, "GET " + REPO + "/issues/12/comments?per_page=100",
                "POST " + REPO + "/issues/12/comments", "POST " + REPO + "/statuses/" + SHA1,
                "GET " + REPO + "/issues/12/comments?per_page=100", "PATCH " + REPO + "/issues/comments/77"),
                lines(rs));
        assertEquals("pending", rs.get(0).body().path("state").asText());
        assertEquals("rset/apps/previews", rs.get(0).body().path("context").asText());
        assertEquals("success", rs.get(3).body().path("state").asText());
        assertEquals("Ready on 1 cluster(s)", rs.get(3).body().path("description").asText());
        String comment = rs.get(5).body().path("body").asText();
        assertTrue(comment.startsWith("<!-- rset:apps/previews -->\n### :white_check_mark: Preview environment ready"),
                comment);
        assertTrue(comment.contains("| a | ready | 2 |"), comment);
        assertTrue(comment.contains("ConfigMap " + ns + "/app-12"), comment);
        assertEquals(List.of("Bearer t0k"), rs.stream().map(Request::authorization).distinct().toList(),
                "the policy's secretRef, read from the secret store");

        assertEquals("True", run("a").status());
        assertEquals(List.of(), lines(requests()), "a steady state tells nothing again");

        openPr(SHA2, "Add login");
        assertEquals("True", run("a").status());
        List<Request> push = requests();
        assertEquals(List.of("POST " + REPO + "/statuses/" + SHA2, "GET " + REPO + "/issues/12/comments?per_page=100",
                "PATCH " + REPO + "/issues/comments/77", "POST " + REPO + "/statuses/" + SHA2,
                "GET " + REPO + "/issues/12/comments?per_page=100", "PATCH " + REPO + "/issues/comments/77"),
                lines(push), "the new commit gets statuses, the same comment is edited");

        closePr("12");
        assertEquals("True", run("a").status());
        List<Request> closed = requests();
        assertEquals(List.of("GET " + REPO + "/issues/12/comments?per_page=100",
                "PATCH " + REPO + "/issues/comments/77"), lines(closed));
        assertTrue(closed.get(1).body().path("body").asText().contains("Preview environment removed"),
                closed.get(1).body().toString());
    }

    @Test
    void aRefusingForgeIsRecordedAndTheObjectsAreStillApplied() throws IOException {
        for (int code : new int[] {403, 404, 429}) {
            gh.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(code)));
            openPr(code == 403 ? SHA1 : code == 404 ? SHA2 : "3333333333333333333333333333333333333333", "t");
            assertEquals("True", run("a").status(), status("a").lastError());
            assertNotNull(configMap(adminA, "app-12"));
            Condition failed = stores.statuses().get(KEY).condition("NotificationFailed").orElseThrow();
            assertEquals("GitHubHTTP" + code, failed.reason());
            assertTrue(failed.message().contains(REPO + "/statuses/"), failed.message());
            assertTrue(!failed.message().contains("t0k"), "no credential in the message");
        }
        gh.resetAll();
        gh.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
        gh.stubFor(get(urlPathEqualTo(REPO + "/issues/12/comments")).willReturn(okJson("[]")));
        assertEquals("True", run("a").status());
        List<String> retried = lines(requests());
        assertTrue(retried.contains("POST " + REPO + "/statuses/3333333333333333333333333333333333333333"), retried.toString());
        assertTrue(stores.statuses().get(KEY).condition("NotificationFailed").isEmpty(), "cleared once delivered");
    }

    @Test
    void aBrokenTemplateEndsWithFailureAndTheGoErrorInTheComment() throws IOException {
        define(RSET.replace("rset.dev/clusters: env=prod\n", "rset.dev/clusters: env=prod\n" + NOTIFY)
                .replace("sha: << inputs.sha | quote >>", "sha: << inputs.sha | nosuchfunc >>"), Map.of());
        openPr(SHA1, "x](http://evil) @org/team");
        assertEquals("False", run("a").status());
        List<Request> rs = requests();
        Request status = rs.stream().filter(r -> r.line().startsWith("POST " + REPO + "/statuses/")
                && "failure".equals(r.body().path("state").asText())).findFirst().orElseThrow();
        assertTrue(status.body().path("description").asText().startsWith("Failed: failed to build resources[0]"),
                status.body().toString());
        String comment = rs.get(rs.size() - 1).body().path("body").asText();
        assertTrue(comment.contains("### :x: Preview environment failed"), comment);
        assertTrue(comment.contains("function \"nosuchfunc\" not defined"), comment);
        assertTrue(comment.contains("x\\]\\(http:\u200B//evil\\) @\u200Borg/team"), comment);
    }

    String broken(String function) {
        return RSET.replace("rset.dev/clusters: env=prod\n", "rset.dev/clusters: env=prod\n" + NOTIFY)
                .replace("sha: << inputs.sha | quote >>", "sha: << inputs.sha | " + function + " >>");
    }

    static Request last(List<Request> rs, String linePrefix) {
        return rs.stream().filter(r -> r.line().startsWith(linePrefix)).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no " + linePrefix + " in " + lines(rs)));
    }

    @Test
    void anotherErrorOnTheSameCommitIsToldAndThenNothingAgain() throws IOException {
        define(broken("nosuchfunc"), Map.of());
        openPr(SHA1, "t");
        assertEquals("False", run("a").status());
        assertTrue(last(requests(), "PATCH " + REPO + "/issues/comments/").body().path("body").asText()
                .contains("function \"nosuchfunc\" not defined"));
        assertEquals("False", run("a").status());
        assertEquals(List.of(), lines(requests()), "the same failure is not told twice");

        define(broken("otherfunc"), Map.of());
        assertEquals("False", run("a").status());
        List<Request> rs = requests();
        assertEquals(List.of("POST " + REPO + "/statuses/" + SHA1, "GET " + REPO + "/issues/12/comments?per_page=100",
                "PATCH " + REPO + "/issues/comments/77"), lines(rs), "same commit, same state, a new reason");
        assertEquals("failure", rs.get(0).body().path("state").asText());
        assertTrue(rs.get(0).body().path("description").asText().contains("otherfunc"), rs.get(0).body().toString());
        String comment = rs.get(2).body().path("body").asText();
        assertTrue(comment.contains("function \"otherfunc\" not defined"), comment);
        assertTrue(!comment.contains("nosuchfunc"), comment);

        assertEquals("False", run("a").status());
        assertEquals(List.of(), lines(requests()), "the new failure is not told twice either");
    }

    @Test
    void aClusterAddedToAFailingPlacementIsToldOnTheSameCommit() throws IOException {
        define(broken("nosuchfunc"), Map.of());
        openPr(SHA1, "t");
        assertEquals("False", run("a").status());
        String before = last(requests(), "PATCH " + REPO + "/issues/comments/").body().path("body").asText();
        assertTrue(before.contains("| a | failed |") && !before.contains("| b |"), before);

        register("b", "prod");
        assertEquals("False", run("a").status());
        List<Request> rs = requests();
        assertEquals(List.of("POST " + REPO + "/statuses/" + SHA1, "GET " + REPO + "/issues/12/comments?per_page=100",
                "PATCH " + REPO + "/issues/comments/77"), lines(rs));
        String after = rs.get(2).body().path("body").asText();
        assertTrue(after.contains("| a | failed |") && after.contains("| b | failed |"), after);

        assertEquals("False", run("b").status());
        assertEquals(List.of(), lines(requests()), "the other cluster's run has nothing new to tell");
    }

    @Test
    void aGitHubAppInstallationTokenIsBoughtAndUsedForNotifications() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        secrets.put("rset/secrets/apps/forge-app", JSON.writeValueAsString(Map.of("githubAppID", "123",
                "githubAppInstallationID", "4242", "githubAppPrivateKey", pem)), "test GitHub App");
        gh.stubFor(post(urlPathEqualTo("/api/v3/app/installations/4242/access_tokens")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"token\": \"ghs_notify\", \"expires_at\": \"" + Instant.now().plus(Duration.ofHours(1))
                        + "\", \"permissions\": {\"statuses\": \"write\", \"pull_requests\": \"write\"}}")));
        define(RSET.replace("rset.dev/clusters: env=prod\n", "rset.dev/clusters: env=prod\n"
                + NOTIFY.replace("forge-token", "forge-app")), Map.of());
        openPr(SHA1, "t");
        assertEquals("True", run("a").status(), status("a").lastError());

        List<Request> rs = requests();
        List<Request> bought = rs.stream().filter(r -> r.line().equals(
                "POST /api/v3/app/installations/4242/access_tokens")).toList();
        assertEquals(1, bought.size(), "one token for the run's calls: " + lines(rs));
        String[] jwt = bought.get(0).authorization().substring("Bearer ".length()).split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(jwt[2])), "a JWT signed with the app's key");
        assertEquals("123", JSON.readTree(Base64.getUrlDecoder().decode(jwt[1])).path("iss").asText());

        List<Request> told = rs.stream().filter(r -> r.line().startsWith("POST " + REPO + "/statuses/")
                || r.line().contains("/issues/")).toList();
        assertEquals(6, told.size(), lines(rs).toString());
        assertEquals(List.of("Bearer ghs_notify"), told.stream().map(Request::authorization).distinct().toList(),
                "statuses and comments go with the installation token");
        assertEquals("success", last(told, "POST " + REPO + "/statuses/").body().path("state").asText());
    }
}
