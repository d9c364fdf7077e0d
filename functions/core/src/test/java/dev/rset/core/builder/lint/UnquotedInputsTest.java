package dev.rset.core.builder.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.yaml.GoYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, item 8: provider inputs printed unquoted where YAML reads a scalar are found with
 * their line and column; quoted, slugified and block-scalar uses are not.
 */
public class UnquotedInputsTest {
    @SuppressWarnings("unchecked")
    public static ResourceSet rset(String spec) {
        String manifest = "apiVersion: fluxcd.controlplane.io/v1\nkind: ResourceSet\nmetadata:\n  name: previews\n"
                + "  namespace: apps\nspec:\n  inputsFrom:\n    - kind: ResourceSetInputProvider\n      name: prs\n"
                + spec;
        return ResourceSet.from((Map<String, Object>) GoYaml.readManifest(manifest, ManifestSchemas.ALL).documents()
                .get(0));
    }

    private static List<String> where(String template) {
        return UnquotedInputs.in("resourcesTemplate", template).stream()
                .map(u -> u.line() + ":" + u.column() + " " + u.input()).toList();
    }

    @Test
    void unquotedFreeTextInScalarPositionsIsFoundWithLineAndColumn() {
        String template = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: app-<< inputs.id >>
                  annotations:
                    title: << inputs.title >>
                    quoted: << inputs.title | quote >>
                    slug: << inputs.branch | slugify >>
                data:
                  branch: << inputs.branch >>
                  upper: << inputs.author | upper >>
                  nested: << inputs.prs.branch >>
                  looked-up: << get inputs "tag" >>
                  handQuoted: "<< inputs.title >>"
                  - << inputs.branch >>
                  # << inputs.title >>
                  sha: << inputs.sha >>
                  notes: |
                    << inputs.title >>
                    more << inputs.branch >>
                  after: << inputs.title >>
                  sq: << inputs.branch | squote >>
                """;
        assertEquals(List.of("6:12 inputs.title", "10:11 inputs.branch", "11:10 inputs.author",
                "12:11 inputs.prs.branch", "13:14 inputs.tag", "14:16 inputs.title", "15:5 inputs.branch",
                "21:10 inputs.title", "22:7 inputs.branch"), where(template));
    }

    @Test
    void variablesCarryTheInputAndControlStructuresAreWalked() {
        String template = """
                << $b := inputs.branch >><< $s := inputs.branch | slugify >>
                << if inputs.title >>
                name: << $b >>
                other: << $s >>
                << else >>
                name: << printf "%s-x" inputs.title >>
                << end >>
                """;
        assertEquals(List.of("3:7 $b", "6:7 inputs.title"), where(template));
    }

    @Test
    void resourcesAreCheckedAsTheYamlTheyMarshalTo() {
        ResourceSet r = rset("""
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: app-<< inputs.id >>
                      data:
                        branch: "<< inputs.branch >>"
                        safe: << inputs.branch | quote >>
                """);
        List<UnquotedInput> found = UnquotedInputs.in(r);
        assertEquals(1, found.size(), found.toString());
        assertEquals("resources[0]", found.get(0).template());
        assertEquals("inputs.branch", found.get(0).input());
        assertEquals("resources[0]:3:11: inputs.branch is printed unquoted in << inputs.branch >>: a branch or "
                + "title such as `yes`, `{x}` or `'x` turns into another YAML value or breaks the object; write "
                + "`| quote` (or `| slugify` in names)", found.get(0).message());
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutProvidersOrWithAnUnparsableTemplateThereIsNothingToSay() {
        ResourceSet inline = ResourceSet.from((Map<String, Object>) (Object) GoYaml.readManifest("""
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata: {name: x, namespace: apps}
                spec:
                  inputs: [{branch: main}]
                  resourcesTemplate: "name: << inputs.branch >>"
                """, ManifestSchemas.ALL).documents().get(0));
        assertEquals(List.of(), UnquotedInputs.in(inline));
        assertEquals(List.of(), where("name: << inputs.branch"));
    }
}
