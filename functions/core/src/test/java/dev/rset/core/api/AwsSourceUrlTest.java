package dev.rset.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWSCodeCommit* and ECRArtifactTag URLs, checked at apply as the Flux Operator's CRD and client do. */
class AwsSourceUrlTest {
    static ResourceSetInputProvider provider(String type, String url, Map<String, Object> extra) {
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("type", type, "url", url));
        spec.putAll(extra);
        return ResourceSetInputProvider.from(Map.of("apiVersion", "fluxcd.controlplane.io/v1",
                "kind", "ResourceSetInputProvider", "metadata", Map.of("name", "p", "namespace", "apps"), "spec", spec));
    }

    @Test
    void codeCommitUrlsNameRegionAndRepository() {
        assertEquals(new AwsSourceUrl.CodeCommit("eu-west-1", "my-app.v2"), AwsSourceUrl.parse(
                ProviderType.AWS_CODECOMMIT_BRANCH, "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/my-app.v2"));
        assertEquals(new AwsSourceUrl.CodeCommit("us-gov-west-1", "app"), AwsSourceUrl.parse(
                ProviderType.AWS_CODECOMMIT_TAG, "https://git-codecommit-fips.us-gov-west-1.amazonaws.com/v1/repos/app"));
        ManifestRules.check(provider("AWSCodeCommitPullRequest",
                "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app", Map.of()));
    }

    @Test
    void ecrUrlsNameAccountRegionAndRepository() {
        assertEquals(new AwsSourceUrl.Ecr("123456789012", "eu-central-1", "123456789012.dkr.ecr.eu-central-1.amazonaws.com",
                "team/app"), AwsSourceUrl.parse(ProviderType.ECR_ARTIFACT_TAG,
                "oci://123456789012.dkr.ecr.eu-central-1.amazonaws.com/team/app"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "AWSCodeCommitBranch      | http://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app | CodeCommit",
        "AWSCodeCommitPullRequest | https://github.com/org/app                                 | CodeCommit",
        "AWSCodeCommitTag         | https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/   | CodeCommit",
        "AWSCodeCommitTag         | arn:aws:codecommit:eu-west-1:123456789012:app              | CodeCommit",
        "ECRArtifactTag           | oci://ghcr.io/org/app                                      | ECR",
        "ECRArtifactTag           | https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/app   | ECR",
        "ECRArtifactTag           | oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com         | ECR"})
    void otherShapesAreA400NamingSpecUrl(String type, String url, String service) {
        var e = assertThrows(InvalidObjectException.class, () -> ManifestRules.check(provider(type, url, Map.of())));
        assertEquals(true, e.getMessage().startsWith("ResourceSetInputProvider apps/p: spec.url: \"" + url + "\" is not "
                + (service.equals("ECR") ? "an ECR" : "a CodeCommit") + " repository URL: expected "), e.getMessage());
    }

    @Test
    void awsSourcesTakeNoSecret() {
        var e = assertThrows(InvalidObjectException.class, () -> ManifestRules.check(provider("ECRArtifactTag",
                "oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/app", Map.of("secretRef", Map.of("name", "s")))));
        assertEquals("ResourceSetInputProvider apps/p: spec.secretRef: cannot be set when spec.type is ECRArtifactTag "
                + "(the function's own AWS role is used)", e.getMessage());
    }
}
