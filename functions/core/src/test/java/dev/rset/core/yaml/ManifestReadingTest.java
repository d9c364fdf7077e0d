package dev.rset.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.core.api.ManifestSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Manifests read as the Flux Operator reads them: YAML 1.1 keys, string fields, warnings. */
class ManifestReadingTest {
    @Test
    void boolLikeKeysBecomeTrueAndFalseInEveryCaseButQuotedOnesStay() {
        Manifest m = GoYaml.readManifest("{y: 1, N: 2, On: 3, OFF: 4, 'yes': 5, \"no\": 6, k: 7}", ManifestSchema.NONE);
        // Later keys win, as in Go's map: y and On are both "true", N and OFF both "false".
        assertEquals(Map.of("true", 3L, "false", 4L, "yes", 5L, "no", 6L, "k", 7L), m.documents().get(0));
        assertEquals(List.of("key `y` is read as \"true\" (YAML 1.1); quote it",
                "key `N` is read as \"false\" (YAML 1.1); quote it", "key `On` is read as \"true\" (YAML 1.1); quote it",
                "key `OFF` is read as \"false\" (YAML 1.1); quote it"),
                m.warnings().stream().map(YamlWarning::message).toList());
    }

    @Test
    void warningsCountLinesAcrossDocumentsOfTheStream() {
        Manifest m = GoYaml.readManifests("a: 1\n---\n# a comment\nb:\n  on: x\n---\nn: 2\n", ManifestSchema.NONE);
        assertEquals(List.of(new YamlWarning(5, "key `on` is read as \"true\" (YAML 1.1); quote it"),
                new YamlWarning(7, "key `n` is read as \"false\" (YAML 1.1); quote it")), m.warnings());
    }

    @Test
    void valuesThatLookBooleanAreNotWarnedAbout() {
        assertEquals(List.of(), GoYaml.readManifest("a: yes\nb: [on, off]\n", ManifestSchema.NONE).warnings());
    }

    @Test
    void scalarsInStringFieldsBecomeTheStringsGoMakes() {
        Map<?, ?> rset = (Map<?, ?>) GoYaml.readManifest("""
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata: {name: 123, labels: {a: 1.50, b: 0x1F, c: ~, d: y, e: 1e21, f: 0.1234567891, g: 7}}
                spec:
                  serviceAccountName: 012
                  inputs: [{v: 1.50}]
                  inputsFrom: [{name: true, selector: {matchExpressions: [{key: 1, operator: In, values: [2, 3.0]}]}}]
                  dependsOn: [{apiVersion: v1, kind: ConfigMap, name: x, ready: true}]
                """, ManifestSchemas.ALL).documents().get(0);
        assertEquals(Map.of("a", "1.5", "b", "31", "c", "", "d", "true", "e", "1e+21", "f", "0.12345679", "g", "7"),
                ((Map<?, ?>) rset.get("metadata")).get("labels"));
        assertEquals("123", ((Map<?, ?>) rset.get("metadata")).get("name"));
        Map<?, ?> spec = (Map<?, ?>) rset.get("spec");
        assertEquals("10", spec.get("serviceAccountName"), "YAML 1.1 octal, then the string");
        assertEquals(List.of(Map.of("v", 1.5)), spec.get("inputs"), "inputs are free-form JSON: not converted");
        Map<?, ?> from = (Map<?, ?>) ((List<?>) spec.get("inputsFrom")).get(0);
        assertEquals("true", from.get("name"));
        assertEquals(List.of(Map.of("key", "1", "operator", "In", "values", List.of("2", "3"))),
                ((Map<?, ?>) from.get("selector")).get("matchExpressions"));
        assertEquals(true, ((Map<?, ?>) ((List<?>) spec.get("dependsOn")).get(0)).get("ready"),
                "a bool field stays a bool");
    }

    @Test
    void fieldNamesMatchCaseInsensitivelyAsEncodingJsonDoes() {
        Map<?, ?> obj = (Map<?, ?>) GoYaml.readManifest("kind: ResourceSet\nMetadata: {Labels: {a: 1}}\n",
                ManifestSchemas.ALL).documents().get(0);
        assertEquals(Map.of("a", "1"), ((Map<?, ?>) obj.get("Metadata")).get("Labels"));
    }

    @Test
    void eachItemOfAListGetsTheSchemaOfItsKindAndJsonIsReadTheSameWay() {
        Manifest m = GoYaml.readManifests("""
                {"kind": "List", "items": [{"kind": "ResourceSetInputProvider", "spec": {"filter": {"semver": 1}}},
                 {"kind": "ConfigMap", "data": {"a": 1}, "metadata": {"labels": {"x": 2.5}}}]}
                """, ManifestSchemas.ALL);
        List<?> items = (List<?>) ((Map<?, ?>) m.documents().get(0)).get("items");
        assertEquals(Map.of("semver", "1"), ((Map<?, ?>) ((Map<?, ?>) items.get(0)).get("spec")).get("filter"));
        Map<?, ?> cm = (Map<?, ?>) items.get(1);
        assertEquals(Map.of("a", 1L), cm.get("data"), "a kind this control plane does not read keeps its values");
        assertEquals(Map.of("x", "2.5"), ((Map<?, ?>) cm.get("metadata")).get("labels"));
    }

    @Test
    void floatsAsFloat32ForKeysAndStrings() {
        assertEquals("0.12345679", GoFloats.formatG32(0.1234567891));
        assertEquals("1.2345679e+07", GoFloats.formatG32(12345678.9));
        assertEquals("1e+06", GoFloats.formatG32(1_000_000.0));
        assertEquals("1.5", GoFloats.formatG32(1.5));
        assertEquals("-0.0001", GoFloats.formatG32(-0.0001));
        assertEquals("1e-05", GoFloats.formatG32(0.00001));
        assertEquals("+Inf", GoFloats.formatG32(1e39), "beyond float32's range");
        assertEquals(Map.of("0.12345679", "a"), GoYaml.unmarshal("0.1234567891: a"));
    }
}
