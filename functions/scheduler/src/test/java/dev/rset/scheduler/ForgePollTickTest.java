package dev.rset.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.rset.scheduler.World.NS;
import static dev.rset.scheduler.World.provider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.rset.scheduler.Handled.Outcome;
import dev.rset.store.Condition;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ticks polling a GitHub Enterprise style API (WireMock, GitHub's documented pulls shape) through
 * the production poller: the forge is the truth that repairs what webhooks missed.
 */
@ExtendWith(MotoServer.class)
class ForgePollTickTest {
    static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    static final String PULLS = "/api/v3/repos/org/app/pulls";

    @RegisterExtension
    static WireMockExtension gh = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static String pr(int number, String sha) {
        return """
                {"number": %1$d, "state": "open", "title": "change %1$d", "draft": false,
                 "user": {"login": "dev"}, "labels": [],
                 "head": {"ref": "feature-%1$d", "sha": "%2$s"}, "base": {"ref": "main", "sha": "0000"},
                 "created_at": "2026-11-01T10:00:00Z", "updated_at": "2026-11-27T11:00:00Z"}
                """.formatted(number, sha);
    }

    static List<String> live(World w, String provider) {
        return w.stores.inputs().list(new ProviderId(NS, provider)).stream().map(StoredInput::id).toList();
    }

    World world(MotoServer moto, String name) {
        World w = new World(moto, T0);
        w.secret("github-token", "{\"username\": \"git\", \"password\": \"t0k3n\"}");
        w.defineDue(List.of(World.provider(name, "GitHubPullRequest", gh.baseUrl() + "/org/app", "github-token"),
                World.resourceSetReading("previews", Map.of("forge", "github"), Map.of())), T0.minusSeconds(30));
        w.stores.schedules().put(w.schedule(World.resourceSet("previews")).withNextDue(T0.plus(Duration.ofHours(1))));
        return w;
    }

    @Test
    void aPullRequestClosedWhileItsWebhookWasLostIsRemovedByTheNextTick(MotoServer moto) {
        World w = world(moto, "prs");
        ProviderId prs = new ProviderId(NS, "prs");
        Ordering webhook = new Ordering(Instant.parse("2026-11-27T10:00:00Z"), "delivery-1");
        for (int n = 1; n <= 3; n++) {
            w.stores.inputs().put(prs, Integer.toString(n), Map.of("id", Integer.toString(n), "sha", "old"), webhook);
        }
        gh.stubFor(get(urlPathEqualTo(PULLS)).willReturn(okJson("[" + pr(2, "b2") + "," + pr(1, "a1") + "]")));

        TickReport first = w.tick().run(T0, World::plentyOfTime);

        assertEquals(List.of(Outcome.INPUTS_CHANGED), first.handled().stream().map(Handled::outcome).toList());
        assertEquals(List.of("1", "2"), live(w, "prs"), "#3 was closed on the forge");
        assertEquals("a1", w.stores.inputs().get(prs, "1").orElseThrow().values().get("sha"));
        gh.verify(getRequestedFor(urlPathEqualTo(PULLS)).withHeader("Authorization", equalTo("Bearer t0k3n")));
        List<JsonNode> events = w.events();
        assertEquals(1, events.size());
        assertEquals("previews", events.get(0).get("detail").get("resourceSet").get("name").asText());

        TickReport second = w.tick().run(T0.plus(Duration.ofMinutes(10)), World::plentyOfTime);
        assertEquals(List.of(Outcome.INPUTS_UNCHANGED), second.handled().stream().map(Handled::outcome).toList());
        assertEquals(List.of(), w.events(), "nothing changed, nothing announced");
    }

    @Test
    void aRefusedPollKeepsTheInputsAndARateLimitPushesTheNextPollBack(MotoServer moto) {
        World w = world(moto, "prs");
        ProviderId prs = new ProviderId(NS, "prs");
        w.stores.inputs().put(prs, "7", Map.of("id", "7", "sha", "abc"),
                new Ordering(Instant.parse("2026-11-27T10:00:00Z"), "delivery-7"));
        gh.stubFor(get(urlPathEqualTo(PULLS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withBody("{\"message\": \"API rate limit exceeded\"}")));

        TickReport r = w.tick().run(T0, World::plentyOfTime);

        assertEquals(List.of(Outcome.POLL_FAILED), r.handled().stream().map(Handled::outcome).toList());
        assertEquals(List.of("7"), live(w, "prs"), "the last good inputs stay");
        Condition ready = w.stores.statuses().get(provider("prs")).condition(Condition.READY).orElseThrow();
        assertEquals("False", ready.status());
        assertEquals("RateLimited", ready.reason());
        assertEquals(Optional.of(T0.plus(Duration.ofHours(1))), w.schedule(provider("prs")).nextDue(),
                "not before the forge's Retry-After, although the interval is 10 min");
        assertEquals(List.of(), w.events());
    }

    @Test
    void aMissingSecretIsNamedAndNothingIsAsked(MotoServer moto) {
        World w = new World(moto, T0);
        w.defineDue(List.of(World.provider("prs", "GitHubPullRequest", gh.baseUrl() + "/org/app", "nope")),
                T0.minusSeconds(30));
        TickReport r = w.tick().run(T0, World::plentyOfTime);
        assertEquals(List.of(Outcome.POLL_FAILED), r.handled().stream().map(Handled::outcome).toList());
        Condition ready = w.stores.statuses().get(provider("prs")).condition(Condition.READY).orElseThrow();
        assertEquals("SecretNotFound", ready.reason());
        assertTrue(ready.message().startsWith("spec.secretRef: secret apps/nope not found"), ready.message());
    }

    @Test
    void theHandlersTickIsALinePerPolledObjectAndOneMetricLineWithoutTheForgeToken(MotoServer moto) throws Exception {
        World w = world(moto, "prs");
        gh.stubFor(get(urlPathEqualTo(PULLS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withBody("{\"message\": \"API rate limit exceeded\"}")));
        SchedulerHandler handler = new SchedulerHandler(w.tick(), java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
        try (dev.rset.ops.testing.CapturedTelemetry telemetry = new dev.rset.ops.testing.CapturedTelemetry()) {
            handler.handleRequest(new java.io.ByteArrayInputStream("{}".getBytes()), new java.io.ByteArrayOutputStream(),
                    null);
            List<JsonNode> polls = telemetry.events("poll");
            assertEquals(1, polls.size(), telemetry.raw());
            assertEquals("apps/ResourceSetInputProvider/prs", polls.get(0).get("object").asText());
            assertEquals("POLL_FAILED", polls.get(0).get("outcome").asText());
            assertEquals("WARN", polls.get(0).get("level").asText());
            assertEquals("scheduler", polls.get(0).get("function").asText());
            JsonNode tick = telemetry.events("tick").get(0);
            assertEquals(1, tick.get("due").asInt());
            assertEquals(polls.get(0).get("requestId"), tick.get("requestId"));
            List<JsonNode> metrics = telemetry.metrics();
            assertEquals(1, metrics.size());
            assertEquals("scheduler", metrics.get(0).get("Function").asText());
            assertEquals(1, metrics.get(0).get("ProviderPolls").asInt());
            assertEquals(1, metrics.get(0).get("PollFailures").asInt());
            assertEquals(1, metrics.get(0).get("DueObjects").asInt());
            assertTrue(metrics.get(0).get("TickDuration").isIntegralNumber());
            assertFalse(telemetry.raw().contains("t0k3n"), "the provider's credentials are never logged");
        }
    }

    @Test
    void afterAWebhookClosedARequestUnderTheLimitThePollBringsBackTheOneItHadPushedOut(MotoServer moto) {
        // What the webhook left (OrderDoubtFlowTest): limit 2; #10, #11, #12 opened, #12 pushed #10
        // out, then #12 closed: only #11 is stored, and the webhook made the provider due now.
        World w = new World(moto, T0);
        w.secret("github-token", "{\"username\": \"git\", \"password\": \"t0k3n\"}");
        w.defineDue(List.of(World.manifest("ResourceSetInputProvider", "limited", Map.of("forge", "github"), Map.of(),
                        Map.of("type", "GitHubPullRequest", "url", gh.baseUrl() + "/org/app",
                                "secretRef", Map.of("name", "github-token"), "filter", Map.of("limit", 2))),
                World.resourceSetReading("previews", Map.of("forge", "github"), Map.of())), T0.minusSeconds(30));
        w.stores.schedules().put(w.schedule(World.resourceSet("previews")).withNextDue(T0.plus(Duration.ofHours(1))));
        ProviderId limited = new ProviderId(NS, "limited");
        w.stores.inputs().put(limited, "11", Map.of("id", "11", "sha", "b11"),
                new Ordering(Instant.parse("2026-11-27T11:00:11Z"), "o-11"));
        gh.stubFor(get(urlPathEqualTo(PULLS)).willReturn(okJson("[" + pr(11, "b11") + "," + pr(10, "a10") + "]")));

        TickReport r = w.tick().run(T0, World::plentyOfTime);

        assertEquals(List.of(Outcome.INPUTS_CHANGED), r.handled().stream().map(Handled::outcome).toList());
        assertEquals(List.of("10", "11"), live(w, "limited"), "the forge's list wins");
        assertEquals("a10", w.stores.inputs().get(limited, "10").orElseThrow().values().get("sha"));
    }
}
