package dev.rset.scheduler.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/** ECRArtifactTag providers against moto_server's ECR: the OCI tag rules over DescribeImages. */
@ExtendWith(MotoServer.class)
class EcrPollerTest {
    static final String ACCOUNT = "123456789012";
    static EcrClient ecr;
    static Map<String, String> digests = new LinkedHashMap<>();

    @BeforeAll
    static void registry(MotoServer moto) {
        ecr = EcrClient.builder().region(Region.of(TestTables.REGION)).credentialsProvider(TestTables.CREDENTIALS)
                .endpointOverride(moto.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        ecr.createRepository(r -> r.repositoryName("team/app"));
        int layer = 0;
        for (String tag : List.of("1.0.0", "1.2.0", "2.0.0-rc.1", "1.10.0", "latest")) {
            String manifest = """
                    {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                     "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "size": 2,
                                "digest": "sha256:%064d"},
                     "layers": []}
                    """.formatted(++layer);
            String digest = ecr.putImage(r -> r.repositoryName("team/app").imageTag(tag).imageManifest(manifest))
                    .image().imageId().imageDigest();
            digests.put(tag, digest);
        }
    }

    static ResourceSetInputProvider provider(String url, Map<String, Object> filter) {
        return ResourceSetInputProvider.from(Map.of("apiVersion", "fluxcd.controlplane.io/v1",
                "kind", "ResourceSetInputProvider", "metadata", Map.of("name", "app", "namespace", "apps",
                        "uid", "7f1c2a9e-0000-4000-8000-000000000001"),
                "spec", Map.of("type", "ECRArtifactTag", "url", url, "filter", filter)));
    }

    static EcrPoller poller() {
        return new EcrPoller(region -> ecr, (p, t) -> {
            throw new AssertionError("only ECR providers are asked here: " + p.spec().type());
        });
    }

    @Test
    void theNewestTagsInTheSemverRangeWithTheirDigests() {
        PollResult r = poller().poll(provider("oci://" + ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/team/app",
                Map.of("semver", ">=1.0.0", "limit", 2)), Duration.ofSeconds(10));
        Map<String, Map<String, Object>> inputs = ((PollResult.Listed) r).inputs();
        assertEquals(Set.of("1.10.0", "1.2.0"), inputs.values().stream().map(i -> i.get("tag")).collect(
                Collectors.toSet()), "the newest two in semver order (1.10.0 > 1.2.0); 2.0.0-rc.1 is a prerelease "
                + "outside the range, latest no version");
        Map<String, Object> newest = inputs.get(dev.rset.core.inputs.InputIds.of("1.10.0"));
        assertEquals(digests.get("1.10.0"), newest.get("digest"));
        assertTrue(((String) newest.get("digest")).startsWith("sha256:"));
        assertEquals(dev.rset.core.inputs.InputIds.of("1.10.0"), newest.get("id"));
        assertEquals(List.of("digest", "id", "tag"), newest.keySet().stream().sorted().toList(),
                "the Flux Operator's OCI tag inputs, nothing more");
    }

    @Test
    void withoutSemverTagsComeInReverseLexicalOrder() {
        PollResult r = poller().poll(provider("oci://" + ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/team/app",
                Map.of("limit", 3)), Duration.ofSeconds(10));
        assertEquals(Set.of("latest", "2.0.0-rc.1", "1.2.0"),
                ((PollResult.Listed) r).inputs().values().stream().map(i -> i.get("tag")).collect(Collectors.toSet()),
                "reverse-lexical: 1.2.0 sorts after 1.10.0");
    }

    @Test
    void aMissingRepositoryAndABadUrlAreNamed() {
        PollResult missing = poller().poll(provider("oci://" + ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/none",
                Map.of()), Duration.ofSeconds(10));
        assertEquals("NotFound", ((PollResult.Failed) missing).reason(), missing.toString());
        PollResult bad = poller().poll(provider("oci://ghcr.io/acme/app", Map.of()), Duration.ofSeconds(10));
        assertEquals("ReconciliationFailed", ((PollResult.Failed) bad).reason());
        assertTrue(((PollResult.Failed) bad).message().startsWith("spec.url: oci://ghcr.io/acme/app is not an ECR"));
    }
}
