package dev.rset.forge.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gitea / Forgejo API v1 under a sub-path: {@code POST /api/v1/repos/{o}/{r}/statuses/{sha}},
 * {@code GET}/{@code POST /repos/{o}/{r}/issues/{index}/comments}, {@code PATCH /repos/{o}/{r}/issues/comments/{id}}.
 */
class GiteaNotifierTest {
    @RegisterExtension
    static WireMockExtension gitea = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String REPO = "/git/api/v1/repos/org/app";
    static final String MARKER = "<!-- rset:apps/preview -->";
    final NotificationPolicy policy = Exchanges.policy(Forge.GITEA);
    ChangeRequestNotifier notifier;

    @BeforeEach
    void open() throws HttpFailure {
        gitea.resetAll();
        gitea.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
        notifier = GitHubNotifier.gitea(Exchanges.http("Gitea API"), gitea.baseUrl() + "/git/org/app", "token t0k");
    }

    void comments(String... bodies) {
        StringBuilder page = new StringBuilder("[{\"id\": 5, \"body\": \"LGTM\", \"user\": {\"login\": \"bob\"}}");
        for (int i = 0; i < bodies.length; i++) {
            page.append(", {\"id\": ").append(77 + i).append(", \"body\": ").append(Exchanges.json(bodies[i]))
                    .append("}");
        }
        gitea.stubFor(get(urlPathEqualTo(REPO + "/issues/12/comments")).willReturn(okJson(page.append("]").toString())));
    }

    static String status(String sha, String state) {
        return "POST " + REPO + "/statuses/" + sha + " {\"state\":\"" + state
                + "\",\"context\":\"rset/apps/preview\",\"description\":\"" + state + "\"}";
    }

    static String body(String text) {
        return Exchanges.canonical(Exchanges.json(Map.of("body", MARKER + "\n" + text)));
    }

    void send(Phase phase, String sha, String reason) throws HttpFailure {
        ChangeRequestReport.send(notifier, policy, notice(phase, sha, reason));
    }

    static final String LIST = "GET " + REPO + "/issues/12/comments?limit=50&page=1";

    @Test
    void pendingThenSuccess() throws HttpFailure {
        comments();
        send(Phase.PENDING, SHA1, "");
        assertRequests(gitea, status(SHA1, "pending"), LIST,
                "POST " + REPO + "/issues/12/comments " + body("pending on eu-1 for Add login"));
        comments(MARKER + "\npending on eu-1 for Add login");
        send(Phase.SUCCESS, SHA1, "");
        assertRequests(gitea, status(SHA1, "success"), LIST,
                "PATCH " + REPO + "/issues/comments/77 " + body("success on eu-1 for Add login"));
    }

    @Test
    void pendingThenFailure() throws HttpFailure {
        comments(MARKER + "\npending on eu-1 for Add login");
        send(Phase.FAILURE, SHA1, "boom");
        assertRequests(gitea, "POST " + REPO + "/statuses/" + SHA1
                + " {\"state\":\"failure\",\"context\":\"rset/apps/preview\",\"description\":\"failure: boom\"}", LIST,
                "PATCH " + REPO + "/issues/comments/77 " + body("failure on eu-1 for Add login: boom"));
    }

    @Test
    void secondPushAndClose() throws HttpFailure {
        comments(MARKER + "\nsuccess on eu-1 for Add login");
        send(Phase.PENDING, SHA2, "");
        assertRequests(gitea, status(SHA2, "pending"), LIST,
                "PATCH " + REPO + "/issues/comments/77 " + body("pending on eu-1 for Add login"));
        send(Phase.REMOVED, SHA2, "");
        assertRequests(gitea, LIST,
                "PATCH " + REPO + "/issues/comments/77 " + body("removed on eu-1 for Add login: environment removed"));
    }

    @Test
    void refusals() {
        for (int code : new int[] {403, 404, 429}) {
            gitea.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(code)));
            assertEquals(code, assertThrows(HttpFailure.class, () -> send(Phase.PENDING, SHA1, "")).status());
        }
    }
}
