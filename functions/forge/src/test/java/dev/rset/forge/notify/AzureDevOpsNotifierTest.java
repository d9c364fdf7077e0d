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
 * Azure DevOps Git REST 7.1: {@code POST …/commits/{commitId}/statuses} (state {@code succeeded} /
 * {@code failed}, context genre and name), pull request threads ({@code GET}/{@code POST …/threads},
 * {@code PATCH …/threads/{threadId}/comments/{commentId}}).
 */
class AzureDevOpsNotifierTest {
    @RegisterExtension
    static WireMockExtension ado = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String REPO = "/org/proj/_apis/git/repositories/app";
    static final String MARKER = "<!-- rset:apps/preview -->";
    static final String V = "?api-version=7.1";
    final NotificationPolicy policy = Exchanges.policy(Forge.AZURE_DEVOPS);
    ChangeRequestNotifier notifier;

    @BeforeEach
    void open() throws HttpFailure {
        ado.resetAll();
        ado.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        notifier = new AzureDevOpsNotifier(Exchanges.http("Azure DevOps API"), ado.baseUrl() + "/org/proj/_git/app",
                "Basic OnQwaw==");
    }

    void threads(String... bodies) {
        StringBuilder page = new StringBuilder("{\"count\": " + (bodies.length + 1) + ", \"value\": ["
                + "{\"id\": 3, \"status\": \"active\", \"comments\": [{\"id\": 1, \"content\": \"LGTM\"}]}");
        for (int i = 0; i < bodies.length; i++) {
            page.append(", {\"id\": ").append(40 + i).append(", \"status\": \"active\", \"comments\": [{\"id\": 1, ")
                    .append("\"parentCommentId\": 0, \"content\": ").append(Exchanges.json(bodies[i]))
                    .append("}, {\"id\": 2, \"parentCommentId\": 1, \"content\": \"thanks\"}]}");
        }
        ado.stubFor(get(urlPathEqualTo(REPO + "/pullRequests/12/threads"))
                .willReturn(okJson(page.append("]}").toString())));
    }

    static String status(String sha, String state, String description) {
        return "POST " + REPO + "/commits/" + sha + "/statuses" + V + " {\"state\":\"" + state
                + "\",\"description\":\"" + description + "\",\"context\":"
                + Exchanges.canonical(Exchanges.json(Map.of("genre", "rset", "name", "apps/preview"))) + "}";
    }

    static String content(String text) {
        return Exchanges.canonical(Exchanges.json(Map.of("content", MARKER + "\n" + text)));
    }

    void send(Phase phase, String sha, String reason) throws HttpFailure {
        ChangeRequestReport.send(notifier, policy, notice(phase, sha, reason));
    }

    static final String LIST = "GET " + REPO + "/pullRequests/12/threads" + V;
    static final String EDIT = "PATCH " + REPO + "/pullRequests/12/threads/40/comments/1" + V + " ";

    @Test
    void pendingThenSuccess() throws HttpFailure {
        threads();
        send(Phase.PENDING, SHA1, "");
        String created = "{\"comments\":[{\"parentCommentId\":0,\"content\":" + Exchanges.json(MARKER
                + "\npending on eu-1 for Add login") + ",\"commentType\":\"text\"}],\"status\":\"active\"}";
        assertRequests(ado, status(SHA1, "pending", "pending"), LIST,
                "POST " + REPO + "/pullRequests/12/threads" + V + " " + created);
        threads(MARKER + "\npending on eu-1 for Add login");
        send(Phase.SUCCESS, SHA1, "");
        assertRequests(ado, status(SHA1, "succeeded", "success"), LIST, EDIT + content("success on eu-1 for Add login"));
    }

    @Test
    void pendingThenFailure() throws HttpFailure {
        threads(MARKER + "\npending on eu-1 for Add login");
        send(Phase.FAILURE, SHA1, "boom");
        assertRequests(ado, status(SHA1, "failed", "failure: boom"), LIST,
                EDIT + content("failure on eu-1 for Add login: boom"));
    }

    @Test
    void secondPushAndClose() throws HttpFailure {
        threads(MARKER + "\nsuccess on eu-1 for Add login");
        send(Phase.PENDING, SHA2, "");
        assertRequests(ado, status(SHA2, "pending", "pending"), LIST, EDIT + content("pending on eu-1 for Add login"));
        send(Phase.REMOVED, SHA2, "");
        assertRequests(ado, LIST, EDIT + content("removed on eu-1 for Add login: environment removed"));
    }

    @Test
    void refusals() {
        for (int code : new int[] {403, 404, 429}) {
            ado.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(code)));
            assertEquals(code, assertThrows(HttpFailure.class, () -> send(Phase.PENDING, SHA1, "")).status());
        }
    }
}
