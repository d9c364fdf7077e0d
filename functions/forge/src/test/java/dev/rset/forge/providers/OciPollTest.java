package dev.rset.forge.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.rset.forge.providers.Polls.input;
import static dev.rset.forge.providers.Polls.inputs;
import static dev.rset.forge.providers.Polls.provider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.rset.core.inputs.InputIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OCI distribution API: {@code GET /v2/<name>/tags/list} paged by relative {@code Link} headers,
 * {@code HEAD /v2/<name>/manifests/<tag>} answering {@code Docker-Content-Digest}, and the bearer
 * token challenge of registries (the token service on the same test server).
 */
class OciPollTest {
    @RegisterExtension
    static WireMockExtension reg = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Polls polls = new Polls();
    static final String TAGS = "/v2/org/app/tags/list";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("robot:s3cret".getBytes(StandardCharsets.UTF_8));

    String url() {
        return "oci://" + reg.baseUrl().substring("http://".length()) + "/org/app";
    }

    static String digest(String tag) {
        return "sha256:" + String.format("%064x", tag.hashCode() & 0xffffffffL);
    }

    void bearerRegistry() {
        String challenge = "Bearer realm=\"" + reg.baseUrl() + "/token\",service=\"registry.test\","
                + "scope=\"repository:org/app:pull\"";
        reg.stubFor(get(urlPathMatching("/v2/.*")).atPriority(9).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", challenge).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}")));
        reg.stubFor(head(urlPathMatching("/v2/.*")).atPriority(9).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", challenge)));
        reg.stubFor(get(urlPathEqualTo("/token")).withQueryParam("service", equalTo("registry.test"))
                .withQueryParam("scope", equalTo("repository:org/app:pull")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(okJson("{\"token\": \"reg-token\", \"access_token\": \"reg-token\", \"expires_in\": 300}")));
        List<List<String>> pages = List.of(List.of("v1.0.0", "latest"), List.of("v1.2.0", "v2.0.0"), List.of("v1.10.0"));
        for (int i = 0; i < pages.size(); i++) {
            String last = i == 0 ? null : pages.get(i - 1).get(1);
            var response = okJson("{\"name\": \"org/app\", \"tags\": [\"" + String.join("\", \"", pages.get(i)) + "\"]}");
            if (i + 1 < pages.size()) {
                response = response.withHeader("Link", "</v2/org/app/tags/list?last=" + pages.get(i).get(1)
                        + "&n=1000>; rel=\"next\"");
            }
            reg.stubFor(get(urlPathEqualTo(TAGS)).atPriority(1).withHeader("Authorization", equalTo("Bearer reg-token"))
                    .withQueryParam("last", last == null ? absent() : equalTo(last)).willReturn(response));
        }
        for (String tag : List.of("v1.0.0", "latest", "v1.2.0", "v2.0.0", "v1.10.0")) {
            reg.stubFor(head(urlPathEqualTo("/v2/org/app/manifests/" + tag)).atPriority(1)
                    .withHeader("Authorization", equalTo("Bearer reg-token")).willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "application/vnd.oci.image.index.v1+json")
                            .withHeader("Docker-Content-Digest", digest(tag))));
        }
    }

    @Test
    void tagsThroughTheBearerTokenFlowNewestVersionsFirstWithTheirDigests() {
        bearerRegistry();
        var p = provider("OCIArtifactTag", url(), Map.of("insecure", true,
                "filter", Map.of("semver", ">=1.0.0 <2.0.0", "limit", 2)));
        assertEquals(List.of(input("id", InputIds.of("v1.10.0"), "tag", "v1.10.0", "digest", digest("v1.10.0")),
                input("id", InputIds.of("v1.2.0"), "tag", "v1.2.0", "digest", digest("v1.2.0"))),
                inputs(polls.poll(p, new Credentials.Basic("robot", "s3cret"))));
        reg.verify(2, headRequestedFor(urlPathMatching("/v2/org/app/manifests/.*"))
                .withHeader("Authorization", equalTo("Bearer reg-token")));
    }

    @Test
    void withoutSemverTagsAreReverseLexical() {
        bearerRegistry();
        var p = provider("OCIArtifactTag", url(), Map.of("insecure", true, "filter", Map.of("limit", 3)));
        assertEquals(List.of("v2.0.0", "v1.2.0", "v1.10.0"),
                inputs(polls.poll(p, new Credentials.Basic("robot", "s3cret"))).stream().map(m -> m.get("tag")).toList());
    }

    @Test
    void wrongCredentialsAtTheTokenServiceAreUnauthorized() {
        bearerRegistry();
        reg.stubFor(get(urlPathEqualTo("/token")).atPriority(9).willReturn(aResponse().withStatus(401)));
        var r = polls.poll(provider("OCIArtifactTag", url(), Map.of("insecure", true)),
                new Credentials.Basic("robot", "wrong"));
        assertInstanceOf(PollResult.Unauthorized.class, r);
    }

    @Test
    void anonymousRegistryWithoutADigestHeaderIsDigestedFromTheManifest() throws Exception {
        String manifest = "{\"schemaVersion\": 2, \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\"}";
        reg.stubFor(get(urlPathEqualTo(TAGS)).willReturn(okJson("{\"name\": \"org/app\", \"tags\": [\"1.0.0\"]}")));
        reg.stubFor(head(urlPathEqualTo("/v2/org/app/manifests/1.0.0")).willReturn(aResponse().withStatus(200)));
        reg.stubFor(get(urlPathEqualTo("/v2/org/app/manifests/1.0.0")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.oci.image.manifest.v1+json").withBody(manifest)));
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(manifest.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(input("id", InputIds.of("1.0.0"), "tag", "1.0.0", "digest", expected)),
                inputs(polls.poll(provider("OCIArtifactTag", url(), Map.of("insecure", true)), new Credentials.None())));
    }

    @Test
    void aBasicChallengeIsAnsweredWithTheCredentials() {
        reg.stubFor(get(urlPathEqualTo(TAGS)).atPriority(9).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"Registry Realm\"")));
        reg.stubFor(get(urlPathEqualTo(TAGS)).atPriority(1).withHeader("Authorization", equalTo(BASIC))
                .willReturn(okJson("{\"name\": \"org/app\", \"tags\": []}")));
        assertEquals(List.of(), inputs(polls.poll(provider("OCIArtifactTag", url(), Map.of("insecure", true)),
                new Credentials.Basic("robot", "s3cret"))));
    }
}
