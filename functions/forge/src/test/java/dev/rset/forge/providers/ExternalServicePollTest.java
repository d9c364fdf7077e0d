package dev.rset.forge.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.rset.forge.providers.Polls.input;
import static dev.rset.forge.providers.Polls.inputs;
import static dev.rset.forge.providers.Polls.provider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.inputs.InputIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ExternalService ({@code {"inputs": [...]}}, 900 KiB, unique string ids, bearer or basic) and Static. */
class ExternalServicePollTest {
    @RegisterExtension
    static WireMockExtension svc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Polls polls = new Polls();

    ResourceSetInputProvider external(Map<String, Object> spec) {
        return provider("ExternalService", svc.baseUrl() + "/api/v1/flux/inputs?env=prod", spec);
    }

    void answer(String body) {
        svc.stubFor(get(urlPathEqualTo("/api/v1/flux/inputs")).willReturn(okJson(body)));
    }

    @Test
    void inputsWithDefaultsUnderThemAndTheLimit() {
        answer("""
                {"inputs": [
                  {"id": "1", "tenant": "tenant1", "version": "2.0.0-rc.1", "replicas": 3, "featureFlags": ["a", "b"]},
                  {"id": "2", "tenant": "tenant2", "version": "1.9.0", "featureFlags": ["a"]},
                  {"id": "3", "tenant": "tenant3"}
                ]}""");
        var p = external(Map.of("insecure", true, "defaultValues", Map.of("region", "eu", "tenant", "none"),
                "filter", Map.of("limit", 2)));
        assertEquals(List.of(
                input("id", "1", "tenant", "tenant1", "version", "2.0.0-rc.1", "replicas", 3L,
                        "featureFlags", List.of("a", "b"), "region", "eu"),
                input("id", "2", "tenant", "tenant2", "version", "1.9.0", "featureFlags", List.of("a"), "region", "eu")),
                inputs(polls.poll(p, new Credentials.Token("orchestrator-token"))));
        svc.verify(getRequestedFor(urlPathEqualTo("/api/v1/flux/inputs")).withQueryParam("env", equalTo("prod"))
                .withHeader("Authorization", equalTo("Bearer orchestrator-token"))
                .withHeader("Accept", equalTo("application/json")));
    }

    PollResult.Failed failed(String body) {
        answer(body);
        return assertInstanceOf(PollResult.Failed.class,
                polls.poll(external(Map.of("insecure", true)), new Credentials.None()));
    }

    @Test
    void malformedAnswersAreRefusedWithWhatIsWrong() {
        String url = svc.baseUrl() + "/api/v1/flux/inputs?env=prod";
        assertEquals("external service '" + url + "' input at index 1 has a duplicate 'id' value 'a'",
                failed("{\"inputs\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}").message());
        assertEquals("external service '" + url + "' input at index 0 has a non-string 'id' field",
                failed("{\"inputs\": [{\"id\": 1}]}").message());
        assertEquals("external service '" + url + "' input at index 0 is missing the required 'id' field",
                failed("{\"inputs\": [{\"name\": \"x\"}]}").message());
        assertEquals("external service '" + url + "' response does not contain an 'inputs' array",
                failed("{\"items\": []}").message());
        String big = "{\"inputs\": [{\"id\": \"1\", \"blob\": \"" + "x".repeat(900 * 1024) + "\"}]}";
        assertEquals("ExternalService provider apps/poll GET " + url + ": the answer is larger than 921600 bytes",
                failed(big).message());
    }

    @Test
    void plainHttpOnlyWithInsecure() {
        var r = assertInstanceOf(PollResult.Failed.class, polls.poll(external(Map.of()), new Credentials.None()));
        assertEquals("spec.url uses plain HTTP: set spec.insecure to true to allow it", r.message());
        svc.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/flux/inputs")));
    }

    @Test
    void basicAuthAndErrorStatuses() {
        svc.stubFor(get(urlPathEqualTo("/api/v1/flux/inputs")).willReturn(aResponse().withStatus(401)));
        assertInstanceOf(PollResult.Unauthorized.class,
                polls.poll(external(Map.of("insecure", true)), new Credentials.Basic("flux", "pw")));
        svc.verify(getRequestedFor(urlPathEqualTo("/api/v1/flux/inputs"))
                .withHeader("Authorization", equalTo("Basic Zmx1eDpwdw==")));
        svc.stubFor(get(urlPathEqualTo("/api/v1/flux/inputs")).willReturn(aResponse().withStatus(500)));
        assertInstanceOf(PollResult.ServerError.class, polls.poll(external(Map.of("insecure", true)),
                new Credentials.None()));
    }

    @Test
    void staticExportsItsDefaultsWithTheAdlerOfItsUid() {
        var p = ResourceSetInputProvider.from(Map.of("apiVersion", "fluxcd.controlplane.io/v1",
                "kind", "ResourceSetInputProvider",
                "metadata", Map.of("name", "tenants", "namespace", "apps", "uid", "0b9d2a42-5c1e-4f7a-9d3e-1f2a3b4c5d6e"),
                "spec", Map.of("type", "Static", "defaultValues", Map.of("tenant", "team-a"))));
        assertEquals(List.of(input("tenant", "team-a", "id", InputIds.of("0b9d2a42-5c1e-4f7a-9d3e-1f2a3b4c5d6e"))),
                inputs(polls.poll(p, new Credentials.None())));
    }
}
