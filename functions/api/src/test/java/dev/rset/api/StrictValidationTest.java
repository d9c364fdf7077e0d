package dev.rset.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.store.testing.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static dev.rset.api.ApiHandlerTest.at;
import static dev.rset.api.ApiHandlerTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue #11 item 6: what {@code rset apply} answered "created" for is refused, as
 * {@code kubectl apply} users expect, and nothing is written.
 */
@ExtendWith(MotoServer.class)
class StrictValidationTest {
    static final String RSET = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata: {name: app, namespace: apps}
            spec:
              inputs: [{tenant: a}]
              resources:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: "<< inputs.tenant >>"}
            """;

    TestApi api;

    @BeforeEach
    void setUp(MotoServer moto) {
        api = new TestApi(moto);
    }

    void assertRefused(String yaml, String message) {
        TestApi.assertFailure(api.apply(yaml), 400, message);
        assertEquals(0, api.items(), "nothing is written");
    }

    /** What users already apply keeps working: every documented example is accepted as it is. */
    @Test
    void everyExampleIsAcceptedStrictly() throws java.io.IOException {
        java.nio.file.Path examples = java.nio.file.Path.of("../../examples");
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(examples)) {
            files = walk.filter(f -> f.getFileName().toString().matches("(resourceset|providers?|receiver)\\.yaml"))
                    .sorted().toList();
        }
        org.junit.jupiter.api.Assertions.assertTrue(files.size() >= 10, files.toString());
        for (java.nio.file.Path f : files) {
            APIGatewayV2HTTPResponse r = api.apply(java.nio.file.Files.readString(f));
            assertEquals(200, r.getStatusCode(), f + ": " + r.getBody());
            assertNull(json(r).get("warnings"), f + ": " + r.getBody());
        }
    }

    /** Issue #11 item 8: stored as the Flux Operator would, with the place named in the answer. */
    @Test
    void providerInputsPrintedUnquotedAreAppliedWithAWarningNamingLineAndColumn() {
        String previews = """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata: {name: previews, namespace: apps}
                spec:
                  inputsFrom: [{kind: ResourceSetInputProvider, name: prs}]
                  resourcesTemplate: |
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: pr-<< inputs.id >>
                      annotations:
                        title: << inputs.title >>
                        branch: << inputs.branch | quote >>
                """;
        APIGatewayV2HTTPResponse r = api.apply(previews);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals(List.of("ResourceSet apps/previews: resourcesTemplate:6:12: inputs.title is printed unquoted in "
                + "<< inputs.title >>: a branch or title such as `yes`, `{x}` or `'x` turns into another YAML value "
                + "or breaks the object; write `| quote` (or `| slugify` in names)"), at(json(r), "warnings"));
        assertEquals("created", at(json(r), "items", "0", "action"), "applied all the same: " + r.getBody());
    }

    @Test
    void misspelledFieldsAreA400NamingThem() {
        String typos = RSET.replace("  inputs:", "  commonMetdata: {labels: {a: b}}\n  inputs:")
                .replace("  resources:", "  resourcse:");
        assertRefused(typos, "ResourceSet apps/app: strict decoding error: unknown field \"spec.commonMetdata\", "
                + "unknown field \"spec.resourcse\"");
        assertRefused(RSET.replace("inputs: [{tenant: a}]", "inputsFrom: [{name: p, nmae: q}]"),
                "unknown field \"spec.inputsFrom[0].nmae\"");
    }

    @Test
    void fieldValidationWarnStoresTheObjectAndSaysWhatWasUnknown() {
        String typo = RSET.replace("  inputs:", "  commonMetdata: {labels: {a: b}}\n  inputs:");
        APIGatewayV2HTTPResponse r = api.post("/v1/apply", Map.of("fieldValidation", "Warn"), typo);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals(List.of("ResourceSet apps/app: unknown field \"spec.commonMetdata\""), at(json(r), "warnings"));
        APIGatewayV2HTTPResponse ignored = api.post("/v1/apply", Map.of("fieldValidation", "Ignore"),
                typo.replace("name: app", "name: app2"));
        assertEquals(200, ignored.getStatusCode(), ignored.getBody());
        assertNull(json(ignored).get("warnings"));
        TestApi.assertFailure(api.post("/v1/apply", Map.of("fieldValidation", "warn"), RSET), 400,
                "fieldValidation: \"warn\" must be one of Strict, Warn, Ignore");
    }

    @Test
    void templatesAreParsedAndFunctionsResolvedAtApplyTime() {
        assertRefused(RSET.replace("\"<< inputs.tenant >>\"", "\"<< inputs.tenant\""),
                "ResourceSet apps/app: failed to build resources[0]: failed to parse template: template: "
                        + "resourceset:5: unclosed action started at resourceset:4");
        assertRefused(RSET.replace("\"<< inputs.tenant >>\"", "\"<< inputs.tenant | qoute >>\""),
                "ResourceSet apps/app: failed to build resources[0]: failed to parse template: template: "
                        + "resourceset:4: function \"qoute\" not defined");
        assertRefused(RSET + "  resourcesTemplate: |\n    kind: A\n    x: << end >>\n",
                "ResourceSet apps/app: failed to build resources: failed to parse multi-doc YAML template: "
                        + "template: resourceset:2: unexpected {{end}}");
    }

    @Test
    void schedulesLabelKeysAndSelectorsAreChecked() {
        String provider = """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSetInputProvider
                metadata: {name: p, namespace: apps}
                spec:
                  type: Static
                  schedule:
                    - %s
                """;
        assertRefused(provider.formatted("{cron: \"not a cron\", timeZone: \"Mars/Olympus\", window: \"forever\"}"),
                "ResourceSetInputProvider apps/p: spec.schedule[0].window: invalid window \"forever\": must be a "
                        + "duration such as 0s, 30m or 1h30m");
        assertRefused(provider.formatted("{cron: \"not a cron\"}"),
                "ResourceSetInputProvider apps/p: spec.schedule[0].cron: failed to parse cron spec 'not a cron' with "
                        + "timezone 'UTC': expected exactly 5 fields, found 3: [not a cron]");
        assertRefused(provider.formatted("{cron: \"0 9 * * 1-5\", timeZone: \"Mars/Olympus\"}"),
                "ResourceSetInputProvider apps/p: spec.schedule[0].timeZone: failed to parse cron spec '0 9 * * 1-5' "
                        + "with timezone 'Mars/Olympus': provided bad location Mars/Olympus: unknown time zone "
                        + "Mars/Olympus");
        assertRefused(RSET.replace("namespace: apps}", "namespace: apps, labels: {\"team a\": x}}"),
                "ResourceSet apps/app: metadata.labels: invalid key \"team a\"");
        assertRefused(RSET.replace("inputs: [{tenant: a}]", "inputsFrom: [{selector: {matchLabels: {team: \"a b\"}}}]"),
                "ResourceSet apps/app: spec.inputsFrom[0].selector.matchLabels[team]: invalid label value \"a b\"");
        assertEquals(200, api.apply(provider.formatted("{cron: \"0 9 * * 1-5\", timeZone: \"Europe/Paris\", "
                + "window: \"8h\"}")).getStatusCode());
    }

    @Test
    void awsSourceUrlsAreChecked() {
        String provider = """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSetInputProvider
                metadata: {name: p, namespace: apps}
                spec:
                  type: %s
                  url: %s
                """;
        assertRefused(provider.formatted("AWSCodeCommitPullRequest", "https://github.com/org/app"),
                "ResourceSetInputProvider apps/p: spec.url: \"https://github.com/org/app\" is not a CodeCommit "
                        + "repository URL: expected https://git-codecommit.<region>.amazonaws.com/v1/repos/<repository>");
        assertRefused(provider.formatted("ECRArtifactTag", "oci://ghcr.io/org/app"),
                "ResourceSetInputProvider apps/p: spec.url: \"oci://ghcr.io/org/app\" is not an ECR repository URL");
        assertEquals(200, api.apply(provider.formatted("AWSCodeCommitBranch",
                "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app")).getStatusCode());
        assertEquals(200, api.apply(provider.formatted("ECRArtifactTag",
                "oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app")).getStatusCode());
    }
}
