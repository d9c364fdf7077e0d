package dev.rset.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.cli.CliRun;
import dev.rset.core.yaml.GoYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue #11's property, at the command line: random templates and random YAML given to the real
 * {@code rset build resourceset} (in process, as a user's command line is read) end with exit code
 * 0 or 1 within 2 s; a failure prints nothing on stdout and one {@code error:} line on stderr after
 * any warnings, never a stack trace or an exception's class name. The build runs with
 * {@code RSET_BUILD_DEADLINE=500ms}, a quarter of the bound, so that a runaway template is stopped
 * by the command's own deadline with a wide margin on a loaded machine.
 */
class BuildCommandPropertiesTest {
    private static final Map<String, String> ENV = Map.of(BuildDeadline.VARIABLE, "500ms");
    private static final Duration HANG_BOUND = Duration.ofSeconds(2);
    /** What a Java exception or error looks like when it leaks: a class name, or a stack frame. */
    private static final Pattern LEAK = Pattern.compile("[A-Za-z]+(Exception|Error)\\b|\\tat ");
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("rset-build-properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DIR.toFile().deleteOnExit();
    }

    private static final List<String> TEMPLATE_TOKENS = List.of(
            "<<", ">>", "<<- ", " ->>", " ", "\n", "  ", ": ", "- ", "---\n", "|", "(", ")", ".", "$", "$x", " := ",
            " = ", "inputs", "inputs.t", "inputs.n", "inputs.l", ".t", "\"x\"", "\"%v%v\"", "'a'", "0", "1", "-1",
            "1000000000", "9223372036854775807", "1e9", "nil", "true", "if", "else", "end", "range", "with",
            "break", "continue", "define \"r\"", "template \"r\"", "block \"b\" .", "repeat", "indent", "nindent",
            "printf", "print", "replace", "join", "cat", "quote", "until", "seq", "list", "dict", "set", "append",
            "toYaml", "toJson", "fromJson", "upper", "trunc", "substr", "index", "slice", "len", "eq", "and", "or",
            "not", "default", "b64dec", "regexReplaceAll", "regexMatch", "\"^(a+)+$\"", "sha256sum", "slugify",
            "add", "mul", "int", "fail", "nosuchfunc", "apiVersion: v1", "kind: ConfigMap", "metadata:", "name: n",
            "data:", "{", "}", "[", "]", "#", "&a ", "*a", "<<: *a", "\t", "\"", "\\", "\u2028", "\u0000");

    private static final List<String> YAML_TOKENS = List.of(
            "{", "}", "[", "]", ": ", ":", ", ", "- ", "-", "? ", "\n", "  ", "    ", "\t", "---\n", "...\n", "#c",
            "&a ", "*a", "<<: *a\n", "!!str ", "!!int ", "!!binary ", "!x ", "\"", "'", "|\n", ">-\n", "a", "b",
            "yes", "on", "~", "null", "0x1F", "012", "1e3", ".inf", "2024-01-01", "\\u0041", "apiVersion: v1",
            "apiVersion: fluxcd.controlplane.io/v1\n", "kind: ResourceSet\n", "kind: ConfigMap", "metadata:",
            "  name: n", "  namespace: ns", "spec:", "inputs:", "inputsFrom:", "resources:", "resourcesTemplate: ",
            "steps:", "<< inputs.t >>", "%YAML 1.1\n", "\u00e9", "\ufeff");

    @Provide
    Arbitrary<String> templates() {
        Arbitrary<String> tokens = Arbitraries.of(TEMPLATE_TOKENS).list().ofMaxSize(40).map(l -> String.join("", l));
        Arbitrary<String> actions = Arbitraries.of(TEMPLATE_TOKENS).list().ofMinSize(1).ofMaxSize(8)
                .map(l -> "<< " + String.join(" ", l) + " >>");
        Arbitrary<String> deep = Arbitraries.integers().between(1, 5000).map(n -> "[".repeat(n) + "]".repeat(n));
        return Arbitraries.oneOf(tokens, actions, deep, actions.list().ofMaxSize(6).map(l -> String.join("\n", l)));
    }

    @Provide
    Arbitrary<String> yamls() {
        Arbitrary<String> tokens = Arbitraries.of(YAML_TOKENS).list().ofMaxSize(60).map(l -> String.join("", l));
        Arbitrary<String> deepFlow = Arbitraries.integers().between(1, 5000)
                .map(n -> "a: " + "{b: ".repeat(n) + "c" + "}".repeat(n));
        Arbitrary<String> deepBlock = Arbitraries.integers().between(1, 1200).map(n -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(" ".repeat(i)).append(i % 2 == 0 ? "k:\n" : "- \n");
            }
            return sb.toString();
        });
        return Arbitraries.oneOf(tokens, deepFlow, deepBlock);
    }

    private static String resourceSetWithTemplate(String template) {
        return "apiVersion: fluxcd.controlplane.io/v1\nkind: ResourceSet\nmetadata: {name: rs, namespace: ns}\n"
                + "spec:\n  inputs: [{t: a, n: 1, l: [x, y]}]\n  resourcesTemplate: " + GoYaml.marshal(template)
                + "  resources:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: cm}\n    data:\n"
                + "      x: " + GoYaml.marshal(template);
    }

    private static final String WITH_INPUTS_FILE = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata: {name: rs, namespace: ns}
            spec:
              resources:
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm-<< inputs.id | default "x" >>}
                data:
                  a: << inputs | toJson | quote >>
            """;

    /** Writes the files, runs {@code rset build resourceset -f rset.yaml [extra]} and checks what it answered. */
    private static void build(String manifest, String inputs) {
        CliRun run = assertTimeoutPreemptively(HANG_BOUND, () -> {
            Files.writeString(DIR.resolve("rset.yaml"), manifest);
            if (inputs == null) {
                return CliRun.in(ENV, DIR, "build", "resourceset", "-f", "rset.yaml");
            }
            Files.writeString(DIR.resolve("inputs.yaml"), inputs);
            return CliRun.in(ENV, DIR, "build", "resourceset", "-f", "rset.yaml", "-i", "inputs.yaml");
        }, () -> "rset build ran for " + HANG_BOUND + " on:\n" + manifest);
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, () -> "exit code " + run.exitCode());
        assertFalse(LEAK.matcher(run.stderr()).find(), () -> "a Java failure leaked to stderr:\n" + run.stderr());
        String afterWarnings = withoutWarnings(run.stderr());
        if (run.exitCode() == 1) {
            assertEquals("", run.stdout(), "nothing on stdout for a failed build");
            assertTrue(afterWarnings.startsWith("error: ") && afterWarnings.length() > "error: ".length(),
                    () -> "stderr of a failed build:\n" + run.stderr());
        } else {
            assertTrue(run.stdout().startsWith("---"), () -> "stdout of a build:\n" + run.stdout());
            assertEquals("", afterWarnings, "only warnings on stderr of a build that succeeded");
        }
    }

    /** Stderr from its first line that is not a warning. */
    private static String withoutWarnings(String stderr) {
        String rest = stderr;
        while (rest.startsWith("warning: ")) {
            int nl = rest.indexOf('\n');
            rest = nl < 0 ? "" : rest.substring(nl + 1);
        }
        return rest;
    }

    @Property(tries = 200)
    void randomTemplates(@ForAll("templates") String template) {
        build(resourceSetWithTemplate(template), null);
    }

    @Property(tries = 200)
    void randomYamlAsTheManifest(@ForAll("yamls") String yaml) {
        build(yaml, null);
    }

    @Property(tries = 100)
    void randomYamlAsRenderedText(@ForAll("yamls") String yaml) {
        // Rendered verbatim: the template has no actions once its delimiters are spelled out.
        build(resourceSetWithTemplate(yaml.replace("<<", "<<\"<<\">>")), null);
    }

    @Property(tries = 100)
    void randomYamlAsTheInputsFile(@ForAll("yamls") String yaml) {
        build(WITH_INPUTS_FILE, yaml);
    }
}
