package dev.rset.core.yaml;

import static dev.rset.core.testing.OrderedMaps.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the emitter chooses (plain, quoted, literal, folded, complex key), reading the text
 * back must give the same value: checked over many generated strings from a fixed seed.
 */
class GoYamlRoundTripTest {
    private static final String[] PIECES = {"a", "b", "Z", " ", "  ", "\n", "\t", ":", ": ", " #", "#", "-", "- ",
        "'", "\"", "{", "}", "[", "]", ",", "?", "*", "&", "!", "%", "@", "`", "|", ">", "é", "😀", "y", "yes", "0",
        "1", ".", "~", "\r", "\u0085", "\u2028", "\u00a0", "\\", "<<", " >>", "---", "...", "null", "0x1F", "1e3",
        "word ", "longer text with spaces "};

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void generatedStringsSurviveAsValuesKeysAndListItems() {
        Random r = new Random(20240601);
        for (int i = 0; i < 3000; i++) {
            String s = randomString(r);
            String key = randomString(r);
            if (key.isEmpty() || key.equals("<<")) {
                key = "k";
            }
            Object doc = map("v", s, "l", List.of(s, List.of(s)), "m", map(key, s));
            String yaml = GoYaml.marshal(doc);
            assertEquals(doc, GoYaml.unmarshal(yaml), () -> "through:\n" + yaml);
        }
    }

    @Test
    void aMergeKeyDoesNotSurviveAsInGo() {
        // go-yaml never resolves "<<" when emitting, so it is written plain and read back as a merge.
        assertEquals("m:\n  <<: x\n", GoYaml.marshal(map("m", map("<<", "x"))));
    }

    @Test
    void topLevelStringsSurvive() {
        Random r = new Random(99);
        for (int i = 0; i < 1000; i++) {
            String s = randomString(r);
            String yaml = GoYaml.marshal(s);
            Object back = GoYaml.unmarshal(yaml);
            assertEquals(s, back, () -> "through:\n" + yaml);
        }
    }

    @Test
    void numbersSurviveWithKubernetesTyping() {
        List<Object> in = new ArrayList<>(List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 2.5, -0.5, 1e21, 1e-7,
                1e20, 1234567.5, 0.1, 5e-324));
        Object back = GoYaml.unmarshal(GoYaml.marshal(in));
        assertEquals(in, back);
        assertEquals(List.of(1L, 1000000L), GoYaml.unmarshal(GoYaml.marshal(List.of(1.0, 1e6))));
        assertEquals(Map.of("big", 1e19), GoYaml.unmarshal(GoYaml.marshal(Map.of("big", 1e19))));
    }
}
