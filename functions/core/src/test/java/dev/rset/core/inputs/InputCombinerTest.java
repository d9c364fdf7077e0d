package dev.rset.core.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.api.InputStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputCombinerTest {
    private static final ProviderRef RSET = new ProviderRef("fluxcd.controlplane.io/v1", "ResourceSet", "apps", "ns");
    private static final ProviderRef ENVS = new ProviderRef("fluxcd.controlplane.io/v1", "ResourceSetInputProvider",
            "Deploy-Envs", "ns");
    private static final ProviderRef EMPTY = new ProviderRef("fluxcd.controlplane.io/v1",
            "ResourceSetInputProvider", "empty", "ns");

    private static List<Map<String, Object>> sets(String key, String... values) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String v : values) {
            out.add(Map.of(key, v));
        }
        return out;
    }

    @Test
    void flattenConcatenatesAndAddsTheProvider() {
        List<Map<String, Object>> out = InputCombiner.combine(InputStrategy.FLATTEN, false, List.of(
                new InputSource(RSET, sets("app", "a", "b")), new InputSource(ENVS, sets("env", "dev"))));
        assertEquals(3, out.size());
        assertEquals("a", out.get(0).get("app"));
        assertEquals("dev", out.get(2).get("env"));
        assertEquals(Map.of("apiVersion", "fluxcd.controlplane.io/v1", "kind", "ResourceSetInputProvider",
                "name", "Deploy-Envs", "namespace", "ns"), out.get(2).get("provider"));
        assertEquals("ResourceSet", ((Map<?, ?>) out.get(0).get("provider")).get("kind"));
    }

    @Test
    void permuteNestsUnderNormalisedNamesWithAdlerIds() {
        List<Map<String, Object>> out = InputCombiner.combine(InputStrategy.PERMUTE, false, List.of(
                new InputSource(RSET, sets("app", "a", "b")), new InputSource(ENVS, sets("env", "dev", "prod")),
                new InputSource(EMPTY, List.of())));
        assertEquals(4, out.size());
        Map<String, Object> last = out.get(3);
        assertEquals("b", ((Map<?, ?>) last.get("apps")).get("app"));
        assertEquals("prod", ((Map<?, ?>) last.get("deploy_envs")).get("env"));
        // Adler-32 of "apps=1/deploy_envs=1", as computed by Go's hash/adler32.
        assertEquals(InputIds.of("apps=1/deploy_envs=1"), last.get("id"));
        assertEquals("1312556904", InputIds.of("apps=1/deploy_envs=1"));
        assertEquals(List.of("apps", "deploy_envs", "id"), List.copyOf(last.keySet()));
    }

    @Test
    void permuteWithAnIncludedEmptyProviderYieldsNothing() {
        List<Map<String, Object>> out = InputCombiner.combine(InputStrategy.PERMUTE, true, List.of(
                new InputSource(RSET, sets("app", "a")), new InputSource(EMPTY, List.of())));
        assertTrue(out.isEmpty());
    }

    @Test
    void moreThanTenThousandPermutationsIsAnError() {
        List<Map<String, Object>> big = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            big.add(Map.of("n", i));
        }
        InputsException e = assertThrows(InputsException.class, () -> InputCombiner.combine(InputStrategy.PERMUTE,
                false, List.of(new InputSource(RSET, big), new InputSource(ENVS, big.subList(0, 100)))));
        assertEquals("failed to get inputs from ResourceSetInputProvider/Deploy-Envs: adding provider 'Deploy-Envs' "
                + "with 100 inputs would exceed the maximum allowed permutations. max: 10000, got: 10100",
                e.getMessage());
        assertEquals(10_000, InputCombiner.combine(InputStrategy.PERMUTE, false,
                List.of(new InputSource(RSET, big.subList(0, 100)), new InputSource(ENVS, big.subList(0, 100))))
                .size());
    }

    @Test
    void sourceNamesFollowFluxNormalisation() {
        assertEquals("team_apps", SourceNames.normalize("Team-Apps"));
        assertEquals("a_b_c", SourceNames.normalize("__a..b  c__"));
        assertEquals("ab", SourceNames.normalize("a+b"));
        assertEquals("", SourceNames.normalize("---"));
    }

    @Test
    void idsAreGoAdler32() {
        assertEquals("340788154", InputIds.of("team1-apps"));
        assertEquals("1", InputIds.of(""));
    }
}
