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
 * GitLab REST v4 with a nested group: {@code POST /projects/:id/statuses/:sha} (state {@code failed},
 * the context as {@code name}), merge request notes ({@code GET}/{@code POST …/merge_requests/:iid/notes},
 * {@code PUT …/notes/:note_id}).
 */
class GitLabNotifierTest {
    @RegisterExtension
    static WireMockExtension gl = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String PROJECT = "/api/v4/projects/group%2Fsub%2Fapp";
    static final String MARKER = "<!-- rset:apps/preview -->";
    final NotificationPolicy policy = Exchanges.policy(Forge.GITLAB);
    ChangeRequestNotifier notifier;

    @BeforeEach
    void open() throws HttpFailure {
        gl.resetAll();
        gl.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
        notifier = new GitLabNotifier(Exchanges.http("GitLab API"), gl.baseUrl() + "/group/sub/app",
                Map.of("PRIVATE-TOKEN", "t0k"));
    }

    void notes(String... bodies) {
        StringBuilder page = new StringBuilder("[{\"id\": 5, \"body\": \"LGTM\", \"system\": false}");
        for (int i = 0; i < bodies.length; i++) {
            page.append(", {\"id\": ").append(301 + i).append(", \"body\": ").append(Exchanges.json(bodies[i]))
                    .append(", \"system\": false}");
        }
        gl.stubFor(get(urlPathEqualTo(PROJECT + "/merge_requests/12/notes"))
                .willReturn(okJson(page.append("]").toString()).withHeader("X-Next-Page", "")));
    }

    static String status(String sha, String state, String description) {
        return "POST " + PROJECT + "/statuses/" + sha + " {\"state\":\"" + state
                + "\",\"name\":\"rset/apps/preview\",\"description\":\"" + description + "\"}";
    }

    static String body(String text) {
        return Exchanges.canonical(Exchanges.json(Map.of("body", MARKER + "\n" + text)));
    }

    void send(Phase phase, String sha, String reason) throws HttpFailure {
        ChangeRequestReport.send(notifier, policy, notice(phase, sha, reason));
    }

    static final String LIST = "GET " + PROJECT + "/merge_requests/12/notes?per_page=100";

    @Test
    void pendingThenSuccess() throws HttpFailure {
        notes();
        send(Phase.PENDING, SHA1, "");
        assertRequests(gl, status(SHA1, "pending", "pending"), LIST,
                "POST " + PROJECT + "/merge_requests/12/notes " + body("pending on eu-1 for Add login"));
        notes(MARKER + "\npending on eu-1 for Add login");
        send(Phase.SUCCESS, SHA1, "");
        assertRequests(gl, status(SHA1, "success", "success"), LIST,
                "PUT " + PROJECT + "/merge_requests/12/notes/301 " + body("success on eu-1 for Add login"));
    }

    @Test
    void pendingThenFailure() throws HttpFailure {
        notes(MARKER + "\npending on eu-1 for Add login");
        send(Phase.FAILURE, SHA1, "boom");
        assertRequests(gl, status(SHA1, "failed", "failure: boom"), LIST,
                "PUT " + PROJECT + "/merge_requests/12/notes/301 " + body("failure on eu-1 for Add login: boom"));
    }

    @Test
    void secondPushAndClose() throws HttpFailure {
        notes(MARKER + "\nsuccess on eu-1 for Add login");
        send(Phase.PENDING, SHA2, "");
        assertRequests(gl, status(SHA2, "pending", "pending"), LIST,
                "PUT " + PROJECT + "/merge_requests/12/notes/301 " + body("pending on eu-1 for Add login"));
        send(Phase.REMOVED, SHA2, "");
        assertRequests(gl, LIST, "PUT " + PROJECT + "/merge_requests/12/notes/301 "
                + body("removed on eu-1 for Add login: environment removed"));
    }

    @Test
    void refusals() {
        for (int code : new int[] {403, 404, 429}) {
            gl.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(code)));
            assertEquals(code, assertThrows(HttpFailure.class, () -> send(Phase.PENDING, SHA1, "")).status());
        }
    }
}
