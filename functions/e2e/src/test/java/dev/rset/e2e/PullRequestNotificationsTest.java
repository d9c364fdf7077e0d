package dev.rset.e2e;

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
import dev.rset.reconciler.live.TestClusterConnector;
import dev.rset.store.testing.MotoServer;
import dev.rset.testclusters.KubeCluster;
import dev.rset.testclusters.TestClusters;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #13's acceptance, end to end through the real handlers (webhook, dispatcher, reconcile
 * handler as Lambda wires it) onto the real test clusters, the forge being WireMock with GitHub's
 * API shapes at a GitHub Enterprise Server address: a pull request opened through the webhook
 * ends with a {@code success} commit status and one comment naming the cluster and the objects;
 * a broken template ends with {@code failure} and the Go error in the comment.
 */
@ExtendWith(MotoServer.class)
class PullRequestNotificationsTest {
    static final String SHA1 = "d4".repeat(20);
    static final String NOTIFY = """
            notify.rset.dev/forge: github
            notify.rset.dev/secretRef: forge-token""";

    @RegisterExtension
    static WireMockExtension gh = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final ObjectMapper JSON = new ObjectMapper();
    static Pipeline pipeline;
    static KubernetesClient adminA;
    String ns;
    Previews previews;
    String repo;

    @BeforeAll
    static void stack(MotoServer moto) {
        pipeline = Pipeline.create(moto.endpoint());
        adminA = TestClusterConnector.admin(TestClusters.shared().a());
        FluxCrds.install(adminA);
        KubeCluster a = TestClusters.shared().a();
        assertEquals("True", pipeline.register(a.name(), a.server(), a.kubeconfig(), Map.of("env", "prod"))
                .get("status"));
    }

    @AfterAll
    static void close() {
        adminA.close();
    }

    @BeforeEach
    void declare() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        ns = "e2n-" + id;
        adminA.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                .create();
        previews = Previews.declare(pipeline, "pn-" + id, ns, gh.baseUrl());
        pipeline.secret(previews.namespace(), "forge-token", "{\"token\": \"ghp-e2e\"}");
        repo = "/api/v3/repos/acme/" + previews.name();
        gh.resetAll();
        gh.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
        gh.stubFor(get(urlPathEqualTo(repo + "/issues/42/comments")).inScenario("comment")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        gh.stubFor(post(urlPathEqualTo(repo + "/issues/42/comments")).inScenario("comment")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("created")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\": 9001}")));
        gh.stubFor(get(urlPathEqualTo(repo + "/issues/42/comments")).inScenario("comment")
                .whenScenarioStateIs("created").willReturn(okJson("[{\"id\": 9001, \"body\": \"<!-- rset:"
                        + previews.namespace() + "/" + previews.name() + " -->\"}]")));
    }

    record Call(String method, String path, JsonNode body) {
    }

    /** What the forge was asked, oldest first, the pings of the Receiver left out. */
    List<Call> calls() throws IOException {
        List<ServeEvent> events = new ArrayList<>(gh.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<Call> out = new ArrayList<>();
        for (ServeEvent e : events) {
            String body = e.getRequest().getBodyAsString();
            out.add(new Call(e.getRequest().getMethod().value(), e.getRequest().getUrl(),
                    body.isEmpty() ? null : JSON.readTree(body)));
        }
        return out;
    }

    @Test
    void anOpenedPullRequestEndsWithSuccessAndOneCommentNamingTheClusterAndObjects() throws IOException {
        pipeline.apply(previews.resourceSet("env=prod", NOTIFY));
        pipeline.deliver();
        assertEquals(200, previews.opened(42, SHA1));
        pipeline.deliver();
        assertNotNull(FluxCrds.gitRepository(adminA, ns, "app-42"));

        List<Call> calls = calls();
        List<Call> statuses = calls.stream().filter(c -> c.path().equals(repo + "/statuses/" + SHA1)).toList();
        assertEquals(List.of("pending", "success"), statuses.stream().map(c -> c.body().path("state").asText())
                .toList());
        assertEquals("rset/" + previews.namespace() + "/" + previews.name(),
                statuses.get(1).body().path("context").asText());
        assertEquals(1, calls.stream().filter(c -> c.method().equals("POST")
                && c.path().equals(repo + "/issues/42/comments")).count(), "one comment created");
        Call last = calls.get(calls.size() - 1);
        assertEquals("PATCH " + repo + "/issues/comments/9001", last.method() + " " + last.path());
        String comment = last.body().path("body").asText();
        assertTrue(comment.contains("Preview environment ready"), comment);
        assertTrue(comment.contains("| a | ready | 3 |"), comment);
        assertTrue(comment.contains("GitRepository " + ns + "/app-42"), comment);
        assertTrue(comment.contains("HelmRelease " + ns + "/app-42"), comment);
        assertTrue(gh.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(repo))
                .allMatch(e -> "Bearer ghp-e2e".equals(e.getRequest().getHeader("Authorization"))));
    }

    @Test
    void aBrokenTemplateEndsWithFailureAndTheGoErrorInTheComment() throws IOException {
        pipeline.apply(previews.resourceSet("env=prod", NOTIFY).replace("tag: << inputs.sha | quote >>",
                "tag: << inputs.nosuchkey | quote >>"));
        pipeline.deliver();
        assertEquals(200, previews.opened(42, SHA1));
        pipeline.deliver();

        List<Call> calls = calls();
        List<String> states = calls.stream().filter(c -> c.path().equals(repo + "/statuses/" + SHA1))
                .map(c -> c.body().path("state").asText()).toList();
        assertEquals("failure", states.get(states.size() - 1), states.toString());
        Call last = calls.get(calls.size() - 1);
        String comment = last.body().path("body").asText();
        assertTrue(comment.contains("Preview environment failed"), comment);
        assertTrue(comment.contains("failed to build resources\\[1\\]: failed to execute template: template: "
                + "resourceset:"), comment);
        assertTrue(comment.contains("map has no entry for key \"nosuchkey\""), comment);
    }
}
