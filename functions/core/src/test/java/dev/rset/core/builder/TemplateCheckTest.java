package dev.rset.core.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.yaml.GoYaml;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Templates are parsed, and their functions resolved, without inputs: what the API checks at apply time. */
class TemplateCheckTest {
    @SuppressWarnings("unchecked")
    static ResourceSet rset(String spec) {
        return ResourceSet.from((Map<String, Object>) GoYaml.readManifest("""
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata: {name: app, namespace: apps}
                spec:
                %s
                """.formatted(spec.indent(2)), ManifestSchemas.ALL).documents().get(0));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "'resources: [{apiVersion: v1, kind: ConfigMap, metadata: {name: ok}}, {apiVersion: v1, kind: ConfigMap, "
                + "metadata: {name: \"<< inputs.tenant\"}}]' | failed to build resources[1]: failed to parse template: "
                + "template: resourceset:5: unclosed action started at resourceset:4",
        "'resources: [{apiVersion: v1, kind: ConfigMap, metadata: {name: \"<< inputs.tenant | qoute >>\"}}]' | "
                + "failed to build resources[0]: failed to parse template: template: resourceset:4: function \"qoute\" "
                + "not defined",
        "'resourcesTemplate: \"kind: ConfigMap\\nname: << if inputs.x >>\"' | failed to build resources: failed to parse "
                + "multi-doc YAML template: template: resourceset:2: unexpected EOF",
        "'steps: [{name: pre, resources: [{kind: A}]}, {name: deploy, resourcesTemplate: \"<< merge . >>\"}]' | "
                + "step \"deploy\": failed to build resources: failed to parse multi-doc YAML template: template: "
                + "resourceset:1: function \"merge\" not defined"})
    void parseErrorsAreFoundWithoutInputs(String spec, String error) {
        var e = assertThrows(BuildException.class, () -> TemplateCheck.parseAll(rset(spec)));
        assertEquals(error, e.getMessage());
    }

    @Test
    void templatesThatParsePassEvenIfTheyWouldFailToExecute() {
        TemplateCheck.parseAll(rset("resources: [{kind: ConfigMap, metadata: {name: \"<< inputs.missing | quote >>\"}}]\n"
                + "resourcesTemplate: \"<< range $i := until 3 >>x<< end >>\""));
    }
}
