package dev.rset.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.cli.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildResourceSetCommandTest {
    @TempDir
    Path dir;

    private static final String HEADER = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: app1
              namespace: apps
            spec:
            """;

    private CliRun build(String spec, String... extra) throws IOException {
        Files.writeString(dir.resolve("rset.yaml"), HEADER + spec);
        String[] args = new String[3 + extra.length];
        args[0] = "build";
        args[1] = "resourceset";
        args[2] = "-f";
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, 3);
        all[3] = "rset.yaml";
        System.arraycopy(extra, 0, all, 4, extra.length);
        return CliRun.in(dir, all);
    }

    private static void assertFails(CliRun run, String... fragments) {
        assertEquals(1, run.exitCode(), "exit code");
        assertEquals("", run.stdout(), "nothing is printed to stdout for a failed build");
        for (String f : fragments) {
            assertTrue(run.stderr().contains(f), () -> "stderr lacks '" + f + "': " + run.stderr());
        }
        assertTrue(!run.stderr().contains("\tat "), "no stack trace: " + run.stderr());
    }

    @Test
    void templateSyntaxErrorNamesObjectResourceAndLine() throws IOException {
        CliRun run = build("""
                  inputs:
                    - tenant: team1
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: << inputs.tenant
                """);
        assertFails(run, "ResourceSet apps/app1", "failed to build resources[0]: failed to parse template: "
                + "template: resourceset:");
    }

    @Test
    void missingKeyIsGoMessage() throws IOException {
        CliRun run = build("""
                  inputs:
                    - tenant: team1
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: << inputs.semver >>
                """);
        assertFails(run, "ResourceSet apps/app1", "failed to execute template: template: resourceset:",
                "executing \"resourceset\" at <inputs>: map has no entry for key \"semver\"");
    }

    @Test
    void renderThatIsNotYamlFails() throws IOException {
        CliRun run = build("""
                  inputs:
                    - v: "a: b: c"
                  resourcesTemplate: |
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: x
                    data:
                      v: << inputs.v >>
                """);
        assertFails(run, "ResourceSet apps/app1", "failed to build resources: ", "error converting YAML to JSON");
    }

    @Test
    void tooManyPermutationsFail() throws IOException {
        StringBuilder inputs = new StringBuilder("  inputStrategy:\n    name: Permute\n  inputs:\n");
        for (int i = 0; i < 10_001; i++) {
            inputs.append("    - n: ").append(i).append('\n');
        }
        CliRun run = build(inputs + """
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: cm-<< inputs.app1.n >>
                """);
        assertFails(run, "ResourceSet apps/app1", "would exceed the maximum allowed permutations. max: 10000, got: 10001");
    }

    @Test
    void resourceInTwoStepsFails() throws IOException {
        CliRun run = build("""
                  steps:
                    - name: pre-deploy
                      resources:
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata:
                            name: app-config
                            namespace: apps
                    - name: deploy
                      resources:
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata:
                            name: app-config
                            namespace: apps
                """);
        assertFails(run, "duplicate resource ConfigMap/apps/app-config in step \"deploy\", "
                + "already defined in step \"pre-deploy\"");
    }

    @Test
    void stepsWithResourcesAreRejectedBeforeRendering() throws IOException {
        CliRun run = build("""
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: a
                  steps:
                    - name: deploy
                      resources:
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata:
                            name: a
                """);
        assertFails(run, "spec.steps is mutually exclusive with spec.resources and spec.resourcesTemplate");
    }

    @Test
    void undefinedFunctionIsAParseError() throws IOException {
        CliRun run = build("""
                  inputs:
                    - v: "1.2.3"
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: << semver inputs.v >>
                """);
        assertFails(run, "function \"semver\" not defined");
    }

    @Test
    void malformedManifestNamesTheField() throws IOException {
        CliRun run = build("""
                  inputsFrom: "not-a-list"
                """);
        assertFails(run, "ResourceSet apps/app1: spec.inputsFrom: expected a list");
    }

    @Test
    void missingFilenameAndMissingFile() {
        assertFails(CliRun.in(dir, "build", "resourceset"), "--filename is required");
        assertFails(CliRun.in(dir, "build", "rset", "-f", "nope.yaml"), "must point to an existing file");
    }

    @Test
    void readsTheManifestFromStdinAndSetsTheNamespace() throws IOException {
        String manifest = """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata:
                  name: app1
                spec:
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: cm
                """;
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.in(dir, "build", "rset", "-f", "-", "-n", "team1");
            assertEquals(0, run.exitCode(), run.stderr());
            assertTrue(run.stdout().contains("resourceset.fluxcd.controlplane.io/namespace: team1"), run.stdout());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void boolLikeKeysBecomeTrueOrFalseWithAWarningNamingFileAndLine() throws IOException {
        CliRun run = build("""
                  inputs:
                    - n: 2
                      'y': 3
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: cm
                        namespace: apps
                      data:
                        on: a
                        v: << inputs | toJson | quote >>
                """);
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("\"false\":2"), run.stdout());
        assertTrue(run.stdout().contains("\"y\":3"), "a quoted key stays as written: " + run.stdout());
        assertTrue(run.stdout().contains("\n  \"true\": a\n"), run.stdout());
        String[] warnings = run.stderr().split("\n");
        assertEquals(2, warnings.length, run.stderr());
        assertTrue(warnings[0].startsWith("warning: ") && warnings[0].endsWith(
                "rset.yaml:8: key `n` is read as \"false\" (YAML 1.1); quote it"), warnings[0]);
        assertTrue(warnings[1].endsWith("rset.yaml:17: key `on` is read as \"true\" (YAML 1.1); quote it"), warnings[1]);
    }

    @Test
    void unknownFieldsAreWarnedAboutAndTheBuildGoesOn() throws IOException {
        CliRun run = build("""
                  commonMetdata:
                    labels: {team: a}
                  inputs:
                    - tenant: team1
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: << inputs.tenant >>
                      unknownToTheConfigMapButNotOurs: x
                  resourcse: []
                """);
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("name: team1"), run.stdout());
        String[] warnings = run.stderr().split("\n");
        assertEquals(2, warnings.length, run.stderr());
        assertTrue(warnings[0].startsWith("warning: ") && warnings[0].endsWith(
                "rset.yaml: ResourceSet apps/app1: unknown field \"spec.commonMetdata\""), warnings[0]);
        assertTrue(warnings[1].endsWith("rset.yaml: ResourceSet apps/app1: unknown field \"spec.resourcse\""),
                warnings[1]);
    }

    @Test
    void boolLikeInputKeyIsAMissingKey() throws IOException {
        CliRun run = build("""
                  inputs:
                    - n: 2
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: cm
                      data:
                        v: << inputs.n >>
                """);
        assertFails(run, "map has no entry for key \"n\"", "rset.yaml:8: key `n` is read as \"false\"");
    }

    @Test
    void scalarsInStringFieldsAreConvertedAsGoConvertsThem() throws IOException {
        CliRun run = build("""
                  inputs:
                    - t: a
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: cm
                  commonMetadata:
                    labels:
                      version: 1.50
                      count: 123
                      hex: 0x1F
                      empty: ~
                      big: 12345678.9
                    annotations:
                      owner: y
                """);
        assertEquals(0, run.exitCode(), run.stderr());
        for (String line : new String[] {"version: \"1.5\"", "count: \"123\"", "hex: \"31\"", "empty: \"\"",
                "big: \"1.2345679e+07\"", "owner: \"true\""}) {
            assertTrue(run.stdout().contains(line), () -> line + " missing: " + run.stdout());
        }
    }

    @Test
    void withoutNamespaceTheResourceSetIsInDefault() throws IOException {
        Files.writeString(dir.resolve("rset.yaml"), """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata:
                  name: app1
                spec:
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: cm
                """);
        CliRun run = CliRun.in(dir, "build", "rset", "-f", "rset.yaml");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("resourceset.fluxcd.controlplane.io/namespace: default"), run.stdout());
    }

    @Test
    void aStepThatRendersNothingHasNoHeading() throws IOException {
        CliRun run = build("""
                  inputs:
                    - skip: true
                  steps:
                    - name: optional
                      resources:
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata:
                            name: maybe
                            annotations:
                              fluxcd.controlplane.io/reconcile: << if inputs.skip >>disabled<< else >>enabled<< end >>
                    - name: app
                      resources:
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata:
                            name: app
                """);
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(!run.stdout().contains("# step: optional"), run.stdout());
        assertTrue(run.stdout().startsWith("# step: app\n---\n"), run.stdout());
    }

    @Test
    void errorsHaveOnePrefix() throws IOException {
        CliRun run = build("""
                  inputsFrom: "not-a-list"
                """);
        assertFails(run);
        assertTrue(run.stderr().startsWith("error: ResourceSet apps/app1: spec.inputsFrom"), run.stderr());
        assertEquals(1, run.stderr().split("error", -1).length - 1, run.stderr());
    }

    @Test
    void warnsWithLineAndColumnWhereAProviderInputIsPrintedUnquoted() throws IOException {
        // issue #11, item 8: branch names git accepts turn into maps or booleans when printed bare
        Files.writeString(dir.resolve("inputs.yaml"), "- {id: \"1\", branch: \"{injected}\", title: \"yes\"}\n");
        CliRun run = build("""
                  inputsFrom:
                    - kind: ResourceSetInputProvider
                      name: prs
                  resourcesTemplate: |
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: pr-<< inputs.id >>
                      namespace: apps
                    data:
                      branch: << inputs.branch >>
                      title: << inputs.title | quote >>
                """, "--inputs-from", "inputs.yaml");
        assertEquals(0, run.exitCode(), "a warning, not an error: " + run.stderr());
        assertTrue(run.stdout().contains("branch:\n    injected: null"), "read as a map: " + run.stdout());
        String[] lines = run.stderr().split("\n");
        assertTrue(lines[0].endsWith("rset.yaml: ResourceSet app1: resourcesTemplate:7:11: inputs.branch is printed "
                + "unquoted in << inputs.branch >>: a branch or title such as `yes`, `{x}` or `'x` turns into another "
                + "YAML value or breaks the object; write `| quote` (or `| slugify` in names)"), lines[0]);
        assertTrue(lines[0].startsWith("warning: "), lines[0]);
        assertEquals(1, lines.length, run.stderr());

        CliRun quoted = build("""
                  inputsFrom:
                    - kind: ResourceSetInputProvider
                      name: prs
                  resourcesTemplate: |
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: pr-<< inputs.id >>
                      namespace: apps
                    data:
                      branch: << inputs.branch | quote >>
                """, "--inputs-from", "inputs.yaml");
        assertEquals(0, quoted.exitCode(), quoted.stderr());
        assertEquals("", quoted.stderr());
        assertTrue(quoted.stdout().contains("branch: '{injected}'"), quoted.stdout());
    }

    private static final String RUNAWAY = """
              inputs:
                - tenant: team1
              resources:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: runaway
                  data:
                    x: "<< range $i := until 1000000 >><< range $j := until 1000000 >><< end >><< end >>"
            """;

    @Test
    void theBuildDeadlineComesFromTheEnvironment() throws IOException {
        Files.writeString(dir.resolve("rset.yaml"), HEADER + RUNAWAY);
        long start = System.nanoTime();
        CliRun run = CliRun.in(Map.of(BuildDeadline.VARIABLE, "50ms"), dir, "build", "resourceset", "-f", "rset.yaml");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFails(run, "error: ResourceSet apps/app1: failed to build resources[0]: failed to execute template: ",
                "render budget exceeded: rendering took longer than");
        assertTrue(millis < 10_000, "stopped by the 50ms deadline, not the 2 minute default: " + millis + " ms");
    }

    @Test
    void aBuildDeadlineThatIsNotAPositiveGoDurationIsAnError() throws IOException {
        Files.writeString(dir.resolve("rset.yaml"), HEADER + RUNAWAY);
        CliRun days = CliRun.in(Map.of(BuildDeadline.VARIABLE, "1d"), dir, "build", "resourceset", "-f", "rset.yaml");
        assertFails(days);
        assertEquals("error: RSET_BUILD_DEADLINE: time: unknown unit \"d\" in duration \"1d\"\n", days.stderr());
        CliRun zero = CliRun.in(Map.of(BuildDeadline.VARIABLE, "0s"), dir, "build", "resourceset", "-f", "rset.yaml");
        assertFails(zero);
        assertEquals("error: RSET_BUILD_DEADLINE: the deadline must be positive, got \"0s\"\n", zero.stderr());
    }
}
