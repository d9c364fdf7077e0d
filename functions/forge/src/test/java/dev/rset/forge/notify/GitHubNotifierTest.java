package dev.rset.forge.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.rset.forge.notify.Exchanges.SHA1;
import static dev.rset.forge.notify.Exchanges.SHA2;
import static dev.rset.forge.notify.Exchanges.assertRequests;
import static dev.rset.forge.notify.Exchanges.notice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.rset.forge.notify.Notice.Phase;
import dev.rset.forge.providers.http.HttpFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GitHub's documented shapes on a GitHub Enterprise style base URL ({@code <server>/api/v3}):
 * {@code POST /repos/{o}/{r}/statuses/{sha}}, {@code GET}/{@code POST /repos/{o}/{r}/issues/{n}/comments},
 * {@code PATCH /repos/{o}/{r}/issues/comments/{id}}.
 */
class GitHubNotifierTest {
    @RegisterExtension
    static WireMockExtension gh = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String REPO = "/api/v3/repos/org/app";
    static final String MARKER = "<!-- rset:apps/preview -->";
    final NotificationPolicy policy = Exchanges.policy(Forge.GITHUB);
    ChangeRequestNotifier notifier;

    @BeforeEach
    void open() throws HttpFailure {
        gh.resetAll();
        gh.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
        notifier = new GitHubNotifier(Exchanges.http("GitHub API"), gh.baseUrl() + "/org/app", "Bearer t0k");
    }

    void comments(String... bodies) {
        StringBuilder page = new StringBuilder("[{\"id\": 5, \"body\": \"LGTM\", \"user\": {\"login\": \"bob\"}}");
        for (int i = 0; i < bodies.length; i++) {
            page.append(", {\"id\": ").append(77 + i).append(", \"body\": ").append(Exchanges.json(bodies[i]))
                    .append(", \"user\": {\"login\": \"rset-bot\"}}");
        }
        gh.stubFor(get(urlPathEqualTo(REPO + "/issues/12/comments")).willReturn(okJson(page.append("]").toString())));
    }

    static String status(String sha, String state, String description) {
        return "POST " + REPO + "/statuses/" + sha + " " + Exchanges.json(Map.of("state", state,
                "context", "rset/apps/preview", "description", description)).replace("{", "{").trim();
    }

    static String body(String text) {
        return Exchanges.canonical(Exchanges.json(Map.of("body", MARKER + "\n" + text)));
    }

    void send(Phase phase, String sha, String reason) throws HttpFailure {
        ChangeRequestReport.send(notifier, policy, notice(phase, sha, reason));
    }

    @Test
    void pendingThenSuccessCreatesTheCommentOnceThenEditsIt() throws HttpFailure {
        comments();
        send(Phase.PENDING, SHA1, "");
        assertRequests(gh,
                "POST " + REPO + "/statuses/" + SHA1
                        + " {\"state\":\"pending\",\"context\":\"rset/apps/preview\",\"description\":\"pending\"}",
                "GET " + REPO + "/issues/12/comments?per_page=100",
                "POST " + REPO + "/issues/12/comments " + body("pending on eu-1 for Add login"));

        comments(MARKER + "\npending on eu-1 for Add login");
        send(Phase.SUCCESS, SHA1, "");
        assertRequests(gh,
                "POST " + REPO + "/statuses/" + SHA1
                        + " {\"state\":\"success\",\"context\":\"rset/apps/preview\",\"description\":\"success\"}",
                "GET " + REPO + "/issues/12/comments?per_page=100",
                "PATCH " + REPO + "/issues/comments/77 " + body("success on eu-1 for Add login"));
    }

    @Test
    void pendingThenFailureCarriesTheReason() throws HttpFailure {
        comments();
        send(Phase.PENDING, SHA1, "");
        Exchanges.take(gh);
        comments(MARKER + "\npending on eu-1 for Add login");
        send(Phase.FAILURE, SHA1, "template: resourceset:3: unexpected \"}\" in operand");
        assertRequests(gh,
                "POST " + REPO + "/statuses/" + SHA1 + " {\"state\":\"failure\",\"context\":\"rset/apps/preview\","
                        + "\"description\":\"failure: template: resourceset:3: unexpected \\\"}\\\" in operand\"}",
                "GET " + REPO + "/issues/12/comments?per_page=100",
                "PATCH " + REPO + "/issues/comments/77 " + body("failure on eu-1 for Add login: template: "
                        + "resourceset:3: unexpected \"\\}\" in operand"));
    }

    @Test
    void aSecondPushSetsTheStatusOfTheNewCommitAndEditsTheSameComment() throws HttpFailure {
        comments(MARKER + "\nsuccess on eu-1 for Add login");
        send(Phase.PENDING, SHA2, "");
        assertRequests(gh,
                "POST " + REPO + "/statuses/" + SHA2
                        + " {\"state\":\"pending\",\"context\":\"rset/apps/preview\",\"description\":\"pending\"}",
                "GET " + REPO + "/issues/12/comments?per_page=100",
                "PATCH " + REPO + "/issues/comments/77 " + body("pending on eu-1 for Add login"));
    }

    @Test
    void aClosedPullRequestGetsItsCommentEditedAndNoStatus() throws HttpFailure {
        comments(MARKER + "\nsuccess on eu-1 for Add login");
        send(Phase.REMOVED, SHA2, "");
        assertRequests(gh,
                "GET " + REPO + "/issues/12/comments?per_page=100",
                "PATCH " + REPO + "/issues/comments/77 " + body("removed on eu-1 for Add login: environment removed"));
    }

    @Test
    void aReplyQuotingTheMarkerIsNotTakenForTheComment() throws HttpFailure {
        gh.stubFor(get(urlPathEqualTo(REPO + "/issues/12/comments")).willReturn(okJson("[{\"id\": 5, \"body\": "
                + Exchanges.json("> " + MARKER + "\n> pending\n\nwhy?") + "}]")));
        send(Phase.PENDING, SHA1, "");
        List<String> requests = Exchanges.take(gh);
        assertEquals("POST " + REPO + "/issues/12/comments " + body("pending on eu-1 for Add login"),
                requests.get(requests.size() - 1));
    }

    @Test
    void anUnchangedCommentIsNotWrittenAgain() throws HttpFailure {
        comments(MARKER + "\nsuccess on eu-1 for Add login");
        send(Phase.SUCCESS, SHA1, "");
        List<String> requests = Exchanges.take(gh);
        assertEquals(2, requests.size(), requests.toString());
        assertEquals("GET " + REPO + "/issues/12/comments?per_page=100", requests.get(1));
    }

    @Test
    void refusalsNameTheForgeAndStatus() {
        for (int code : new int[] {403, 404, 429}) {
            gh.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(code)));
            HttpFailure f = assertThrows(HttpFailure.class, () -> send(Phase.PENDING, SHA1, ""));
            assertEquals(code, f.status());
            assertEquals(true, f.getMessage().startsWith("GitHub API POST " + gh.baseUrl() + REPO + "/statuses/"),
                    f.getMessage());
        }
    }
}
