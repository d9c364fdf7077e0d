package dev.rset.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The block-style fast path against SnakeYAML's reading of the same text: whatever it accepts
 * must come out as the node tree {@link YamlComposer#composed} builds, line numbers included.
 */
class BlockYamlParserTest {
    private static final String OBJECT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                kustomize.toolkit.fluxcd.io/ssa: "Merge"
                note: 'it''s'
              labels:
                app.kubernetes.io/name: podinfo
              name: podinfo-team1
              namespace: default
            spec:
              replicas: 3
              selector: {}
              template:
                spec:
                  containers:
                  - args:
                    - --port=9898
                    - -v
                    image: ghcr.io/stefanprodan/podinfo:6.1.x
                    name: app
                    ports: []
                  # a comment line
                  - name: sidecar
                    env:
                      - name: "A"
                        value: ~
                      - name: B
                        value:
              on: yes
              y: 0x1F
              "quoted key": 1_000
              'single': -.inf
              empty:
              ratio: 2.5e3
              when: 2024-01-01
              template-text: podinfo-<< inputs.tenant >> x=y, [a] {b}
            """;

    private static void assertSameTree(String yaml) {
        YamlNode fast = BlockYamlParser.parse(yaml);
        assertNotNull(fast, () -> "fast path gave up on:\n" + yaml);
        assertEquals(YamlComposer.composed(yaml), fast, yaml);
    }

    @Test
    void readsKubernetesStyleObjectsAsSnakeYamlDoes() {
        assertSameTree(OBJECT);
        assertSameTree("- a\n- b: 1\n  c:\n  - d\n- 'e'\n");
        assertSameTree("a:\n    b:\n        c: 1\n    d: 2\ne: 3");
        assertSameTree("\n# leading comment\na: 1   \n\n  # indented comment\nb:   two words  \n");
        assertSameTree("k: a:b\nl: http://x/y?z=1#frag\nm: -1\nn: <<\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "# only a comment\n", "  a: 1\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n",
        "a: >-\n  text\n", "a: b\n  c\n", "a: \"x\\ny\"\n", "a: \"open\n  close\"\n", "a: [1, 2]\n",
        "a: {b: 1}\n", "a: 1 # trailing\n", "a: b: c\n", "a:\tb\n", "a: b\r\n", "a: é\n", "---\na: 1\n",
        "a: 1\n...\n", "a: 1\n---\nb: 2\n", "? a\n: b\n", "<<: {}\n", "- - a\n", "-\n  a\n", "a: 1\n- b\n",
        "a:\n  b: 1\n c: 2\n", "- a\nb: 1\n", "key with space: 1\n", "a: @x\n", "a: `x`\n", "a: -\n",
        "plain scalar\n", "a:\n  - b\n  c: 1\n",
    })
    void givesUpOnAnythingElse(String yaml) {
        assertNull(BlockYamlParser.parse(yaml));
    }

    @Test
    void everyExampleDocumentItAcceptsReadsTheSame() throws IOException {
        List<String> documents = new ArrayList<>();
        Path examples = Path.of("../../examples");
        try (Stream<Path> files = Files.walk(examples)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (YamlDocuments.Chunk chunk : YamlDocuments.split(Files.readString(f))) {
                    documents.add(chunk.text());
                }
            }
        }
        int accepted = 0;
        for (String doc : documents) {
            if (BlockYamlParser.parse(doc) != null) {
                assertSameTree(doc);
                accepted++;
            }
        }
        assertTrue(accepted > 0, "no example document took the fast path");
    }

    /**
     * Random edits of a block document (a fixed seed, so the same texts every run): each
     * edited text the fast path accepts must read the same through SnakeYAML, which must accept
     * it too.
     */
    @Test
    void editedDocumentsItAcceptsReadTheSame() {
        String[] pieces = {" ", "  ", ":", ": ", "-", "- ", "#", " #", "\n", "\n  ", "\n- ", "'", "\"", "a", "{}",
            "[]", "x: ", "\n  - ", "|", "&a", "*a", "?", ",", "~", "''"};
        Random random = new Random(12);
        int accepted = 0;
        int rejected = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder(OBJECT);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length() + 1);
                if (random.nextBoolean() && at < text.length()) {
                    text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(3)));
                } else {
                    text.insert(at, pieces[random.nextInt(pieces.length)]);
                }
            }
            String yaml = text.toString();
            YamlNode fast = BlockYamlParser.parse(yaml);
            if (fast == null) {
                rejected++;
                continue;
            }
            accepted++;
            YamlNode full;
            try {
                full = YamlComposer.composed(yaml);
            } catch (GoYamlException e) {
                fail("fast path accepted what SnakeYAML refuses (" + e.getMessage() + "):\n" + yaml);
                return;
            }
            assertEquals(full, fast, yaml);
        }
        assertTrue(accepted > 2_000 && rejected > 2_000, "accepted " + accepted + ", rejected " + rejected);
    }
}
