package dev.rset.providers.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.inputs.InputIds;
import dev.rset.forge.providers.Credentials;
import dev.rset.forge.providers.PollRequest;
import dev.rset.forge.providers.PollResult;
import dev.rset.forge.providers.ProviderPoller;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.forge.testing.Objects;
import dev.rset.store.testing.MotoServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * ECRArtifactTag: {@code GetAuthorizationToken} from moto_server, then the registry's OCI API (served
 * by WireMock, as moto has no registry) with the decoded {@code AWS:<password>} as basic credentials
 * after ECR's {@code Basic} challenge.
 */
@ExtendWith(MotoServer.class)
class EcrPollTest {
    @RegisterExtension
    static WireMockExtension registry = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension ecrApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final String URL = "oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app";
    /** moto's token for its default account: {@code AWS:<account>-auth-token}. */
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("AWS:123456789012-auth-token".getBytes(StandardCharsets.UTF_8));
    static final String TAGS = "/v2/team/app/tags/list";

    static ProviderPoller poller(URI api) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
        return new ProviderPoller(ProviderPoller.defaultClient(), clock, new GitHubAppTokens(),
                new AwsSdkSources(credentials, new AwsSdkSources.Endpoints(Optional.of(api),
                        Optional.of(registry.baseUrl().substring("http://".length())), Optional.empty()), clock));
    }

    static PollResult poll(ProviderPoller poller, Map<String, Object> spec) {
        ResourceSetInputProvider p = Objects.provider("images", "ECRArtifactTag", URL, spec);
        return poller.poll(new PollRequest(p, new Credentials.None(), Duration.ofSeconds(30), List.of()));
    }

    static String digest(String tag) {
        return "sha256:" + String.format("%064x", tag.hashCode() & 0xffffffffL);
    }

    /** Tags over three pages behind ECR's basic challenge. */
    static void ecrRegistry() {
        registry.stubFor(get(urlPathMatching("/v2/.*")).atPriority(9).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/\","
                        + "service=\"ecr.amazonaws.com\"")
                .withBody("Not Authorized\n")));
        registry.stubFor(head(urlPathMatching("/v2/.*")).atPriority(9).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/\","
                        + "service=\"ecr.amazonaws.com\"")));
        List<List<String>> pages = List.of(List.of("1.0.0", "latest"), List.of("1.2.0", "2.0.0"), List.of("1.10.0"));
        for (int i = 0; i < pages.size(); i++) {
            String last = i == 0 ? null : pages.get(i - 1).get(1);
            var response = okJson("{\"name\": \"team/app\", \"tags\": [\"" + String.join("\", \"", pages.get(i)) + "\"]}");
            if (i + 1 < pages.size()) {
                response = response.withHeader("Link", "</v2/team/app/tags/list?last=" + pages.get(i).get(1)
                        + "&n=1000>; rel=\"next\"");
            }
            registry.stubFor(get(urlPathEqualTo(TAGS)).atPriority(1).withHeader("Authorization", equalTo(BASIC))
                    .withQueryParam("last", last == null ? absent() : equalTo(last)).willReturn(response));
        }
        for (String tag : List.of("1.0.0", "latest", "1.2.0", "2.0.0", "1.10.0")) {
            registry.stubFor(head(urlPathEqualTo("/v2/team/app/manifests/" + tag)).atPriority(1)
                    .withHeader("Authorization", equalTo(BASIC)).willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                            .withHeader("Docker-Content-Digest", digest(tag))));
        }
    }

    @Test
    void tagsOverThreePagesWithTheRolesRegistryPasswordSemverAndLimit(MotoServer moto) {
        ecrRegistry();
        List<Map<String, Object>> out = inputs(poll(poller(moto.endpoint()),
                Map.of("filter", Map.of("semver", ">=1.0.0 <2.0.0", "limit", 2))));
        assertEquals(List.of(
                Map.of("id", InputIds.of("1.10.0"), "tag", "1.10.0", "digest", digest("1.10.0")),
                Map.of("id", InputIds.of("1.2.0"), "tag", "1.2.0", "digest", digest("1.2.0"))),
                out.stream().map(i -> Map.of("id", i.get("id"), "tag", i.get("tag"), "digest", i.get("digest")))
                        .toList());
        // Only the exported tags' digests are asked for.
        registry.verify(0, headRequestedFor(urlPathEqualTo("/v2/team/app/manifests/1.0.0")));
    }

    @Test
    void withoutSemverTagsSortReverseLexically(MotoServer moto) {
        ecrRegistry();
        List<Map<String, Object>> out = inputs(poll(poller(moto.endpoint()), Map.of("filter", Map.of("limit", 3))));
        assertEquals(List.of("latest", "2.0.0", "1.2.0"), out.stream().map(i -> i.get("tag")).toList());
    }

    @Test
    void accessDeniedOnTheTokenSaysSo() {
        ecrApi.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"AccessDeniedException\", \"message\": \"User: arn:aws:sts::"
                                + "123456789012:assumed-role/scheduler/fn is not authorized to perform: "
                                + "ecr:GetAuthorizationToken\"}")));
        PollResult r = poll(poller(URI.create(ecrApi.baseUrl())), Map.of());
        assertEquals("Forbidden", r.reason());
        assertTrue(r.message().startsWith("ECR GetAuthorizationToken (123456789012.dkr.ecr.eu-west-1.amazonaws.com): "
                + "AccessDeniedException"), r.message());
    }

    @Test
    void throttledTokenRequestBacksOff() {
        ecrApi.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"ThrottlingException\", \"message\": \"Rate exceeded\"}")));
        PollResult r = poll(poller(URI.create(ecrApi.baseUrl())), Map.of());
        assertEquals(NOW.plus(SdkFailures.THROTTLED_BACKOFF),
                assertInstanceOf(PollResult.RateLimited.class, r, r::message).retryAt());
    }

    static List<Map<String, Object>> inputs(PollResult r) {
        return assertInstanceOf(PollResult.Inputs.class, r, () -> r.reason() + ": " + r.message()).inputs();
    }
}
