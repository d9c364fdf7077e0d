package dev.rset.core.yaml;

import static dev.rset.core.testing.OrderedMaps.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-document streams, read like Kubernetes' YAML-or-JSON decoder (fluxcd/pkg/ssa ReadObjects). */
class GoYamlDocumentsTest {
    @Test
    void splitsOnSeparatorLinesAndSkipsEmptyDocuments() {
        String stream = "a: 1\n---\n\n---\n# only a comment\n---\nb: 2\n--- # trailing comment\nc: ~\n---\nnull\n";
        assertEquals(List.of(map("a", 1L), map("b", 2L), map("c", null)), GoYaml.unmarshalAll(stream));
        assertEquals(List.of(map("a", 1L)), GoYaml.unmarshalAll("---\na: 1\n"));
        assertEquals(List.of(), GoYaml.unmarshalAll(""));
    }

    @Test
    void documentEndMarkerInsideAChunkEndsIt() {
        assertEquals(List.of(map("a", 1L)), GoYaml.unmarshalAll("a: 1\n...\nb: 2\n"));
    }

    @Test
    void separatorWithContentIsAnError() {
        assertEquals("invalid Yaml document separator: a: b",
                assertThrows(GoYamlException.class, () -> GoYaml.unmarshalAll("--- a: b\n")).getMessage());
    }

    @Test
    void errorLinesCountFromTheDocumentStart() {
        String stream = "a: 1\nb: 2\n---\nx: 1\ny: z: 2\n";
        assertEquals("error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context",
                assertThrows(GoYamlException.class, () -> GoYaml.unmarshalAll(stream)).getMessage());
    }

    @Test
    void jsonStreamsAreDecodedAsJson() {
        assertEquals(List.of(map("a", 1L, "b", 2.5), map("c", List.of("x"))),
                GoYaml.unmarshalAll("  {\"a\": 1, \"b\": 2.5}\n{\"c\": [\"x\"]}"));
        assertEquals("invalid character '}' looking for beginning of value",
                assertThrows(GoYamlException.class, () -> GoYaml.unmarshalAll("{\"a\": }")).getMessage());
    }
}
