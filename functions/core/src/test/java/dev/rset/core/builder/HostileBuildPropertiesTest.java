package dev.rset.core.builder;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.inputs.InputResolver;
import dev.rset.core.inputs.InputsException;
import dev.rset.core.template.budget.RenderBudget;
import dev.rset.core.yaml.GoYaml;
import dev.rset.core.yaml.GoYamlException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random templates and random YAML thrown at the build, as {@code rset build} would meet them:
 * the only failures are the documented ones (a {@link BuildException} for the build, a
 * {@link GoYamlException}, {@link InvalidObjectException} or {@link InputsException} for the
 * manifest), and no case runs for 2 s. A build writes nothing (core has no I/O); what {@code rset
 * build} prints for a failed build is checked in the CLI's tests.
 */
class HostileBuildPropertiesTest {
    /**
     * Issue #11's bound: no case may run for 2 s of wall-clock time. The build's own deadline is a
     * quarter of it, so that reading the manifest (bounded by its size and nesting limit) and a
     * machine running at several times its core count still leave a wide margin under the bound.
     */
    private static final RenderBudget BUDGET = RenderBudget.DEFAULT.withTimeout(Duration.ofMillis(500));
    private static final Duration HANG_BOUND = Duration.ofSeconds(2);

    private static final List<String> TEMPLATE_TOKENS = List.of(
            "<<", ">>", "<<- ", " ->>", " ", "\n", "  ", ": ", "- ", "---\n", "|", "(", ")", ".", "$", "$x", " := ",
            " = ", "inputs", "inputs.t", "inputs.n", "inputs.l", ".t", "\"x\"", "\"%v%v\"", "'a'", "0", "1", "-1",
            "3", "1000000000", "9223372036854775807", "1e9", "nil", "true", "if", "else", "end", "range", "with",
            "break", "continue", "define \"r\"", "template \"r\"", "block \"b\" .", "repeat", "indent", "nindent",
            "printf", "print", "replace", "join", "cat", "quote", "until", "untilStep", "seq", "list", "dict", "set",
            "append", "concat", "toYaml", "toJson", "fromJson", "mustFromJson", "upper", "trunc", "substr", "index",
            "slice", "len", "eq", "and", "or", "not", "default", "b64dec", "regexReplaceAll", "sha256sum", "slugify",
            "add", "mul", "int", "fail", "apiVersion: v1", "kind: ConfigMap", "metadata:", "name: n", "data:",
            "{", "}", "[", "]", "#", "&a ", "*a", "<<: *a", "\t", "\"", "\\");

    private static final List<String> YAML_TOKENS = List.of(
            "{", "}", "[", "]", ": ", ":", ", ", "- ", "-", "? ", "\n", "  ", "    ", "\t", "---\n", "...\n", "#c",
            "&a ", "*a", "<<: *a\n", "!!str ", "!!int ", "!!binary ", "!x ", "\"", "'", "|\n", ">-\n", "a", "b",
            "yes", "on", "~", "null", "0x1F", "012", "1e3", ".inf", "2024-01-01", "\\u0041", "apiVersion: v1",
            "kind: ConfigMap", "metadata:", "  name: n", "spec:", "inputs:", "resources:", "<< inputs.t >>", "%YAML 1.1\n");

    @Provide
    Arbitrary<String> templates() {
        Arbitrary<String> tokens = Arbitraries.of(TEMPLATE_TOKENS).list().ofMaxSize(40)
                .map(l -> String.join("", l));
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
        // Past the nesting limit of 1,000, but not so far that indentation alone makes megabytes.
        Arbitrary<String> deepBlock = Arbitraries.integers().between(1, 1200).map(n -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(" ".repeat(i)).append(i % 2 == 0 ? "k:\n" : "- \n");
            }
            return sb.toString();
        });
        return Arbitraries.oneOf(tokens, deepFlow, deepBlock);
    }

    @SuppressWarnings("unchecked")
    private static void buildManifest(String manifest) {
        assertTimeoutPreemptively(HANG_BOUND, () -> {
            try {
                List<Object> docs = GoYaml.readManifest(manifest, ManifestSchemas.ALL).documents();
                if (docs.isEmpty() || !(docs.get(0) instanceof Map<?, ?> doc)) {
                    return;
                }
                ResourceSet rset = ResourceSet.from((Map<String, Object>) doc);
                ResourceSetBuilder.build(rset, InputResolver.combine(rset, List.of(), Map.of()), BUDGET);
            } catch (BuildException | GoYamlException | InvalidObjectException | InputsException expected) {
                // a documented failure, with its message for the user
            }
        });
    }

    private static String resourceSetWithTemplate(String template) {
        return "apiVersion: fluxcd.controlplane.io/v1\nkind: ResourceSet\nmetadata: {name: rs, namespace: ns}\n"
                + "spec:\n  inputs: [{t: a, n: 1, l: [x, y]}]\n  resourcesTemplate: " + GoYaml.marshal(template)
                + "  resources:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: cm}\n    data:\n"
                + "      x: " + GoYaml.marshal(template);
    }

    @Property(tries = 400)
    void randomTemplatesFailOnlyWithBuildErrors(@ForAll("templates") String template) {
        buildManifest(resourceSetWithTemplate(template));
    }

    @Property(tries = 300)
    void randomYamlAsTheManifestFailsOnlyWithDocumentedErrors(@ForAll("yamls") String yaml) {
        buildManifest(yaml);
    }

    @Property(tries = 300)
    void randomYamlAsRenderedTextFailsOnlyWithBuildErrors(@ForAll("yamls") String yaml) {
        // Rendered verbatim: the template has no actions once its delimiters are spelled out.
        buildManifest(resourceSetWithTemplate(yaml.replace("<<", "<<\"<<\">>")));
    }
}
