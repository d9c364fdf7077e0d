package dev.rset.reconciler.render;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.yaml.GoYaml;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderCacheTest {
    static final String RSET = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: previews
              namespace: apps
              uid: 7d1c
            spec:
              resources:
              - apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: app-<< inputs.id >>
                  namespace: apps
                data:
                  sha: << inputs.sha | quote >>
            """;

    @SuppressWarnings("unchecked")
    static ResourceSet rset(String yaml) {
        return ResourceSet.from((Map<String, Object>) GoYaml.readManifest(yaml, dev.rset.core.api.ManifestSchemas.ALL).documents().get(0));
    }

    static List<Map<String, Object>> inputs(String sha) {
        return List.of(Map.of("id", "42", "sha", sha));
    }

    @Test
    void theSameResourceSetAndInputsAreBuiltOnceForEveryCluster() {
        RenderCache cache = new RenderCache(8);
        Rendered a = cache.render(rset(RSET), 1, inputs("abc"));
        Rendered b = cache.render(rset(RSET), 1, inputs("abc"));
        assertSame(a, b);
        assertEquals(1, cache.builds());
        Rendered.Built built = assertInstanceOf(Rendered.Built.class, a);
        assertEquals("app-42", ((Map<?, ?>) built.result().objects().get(0).get("metadata")).get("name"));
        assertTrue(built.digest().startsWith("sha256:"));
    }

    @Test
    void newInputsANewGenerationOrAnotherUidAreBuiltAgain() {
        RenderCache cache = new RenderCache(8);
        Rendered first = cache.render(rset(RSET), 1, inputs("abc"));
        Rendered moved = cache.render(rset(RSET), 1, inputs("def"));
        cache.render(rset(RSET), 2, inputs("abc"));
        cache.render(rset(RSET.replace("uid: 7d1c", "uid: 9e2f")), 1, inputs("abc"));
        assertEquals(4, cache.builds());
        assertTrue(!((Rendered.Built) first).digest().equals(((Rendered.Built) moved).digest()));
    }

    @Test
    void aBuildErrorIsSharedWithTheFluxMessage() {
        RenderCache cache = new RenderCache(8);
        ResourceSet broken = rset(RSET.replace("<< inputs.sha | quote >>", "<< inputs.missing.sha >>"));
        Rendered r = cache.render(broken, 1, inputs("abc"));
        Rendered.Failed f = assertInstanceOf(Rendered.Failed.class, r);
        assertTrue(f.message().startsWith("failed to build resources[0]: failed to execute template"), f.message());
        cache.render(broken, 1, inputs("abc"));
        assertEquals(1, cache.builds());
    }

    @Test
    void theLeastRecentlyUsedResultIsDroppedBeyondCapacity() {
        RenderCache cache = new RenderCache(2);
        cache.render(rset(RSET), 1, inputs("a"));
        cache.render(rset(RSET), 1, inputs("b"));
        cache.render(rset(RSET), 1, inputs("a"));
        cache.render(rset(RSET), 1, inputs("c"));
        assertEquals(3, cache.builds());
        cache.render(rset(RSET), 1, inputs("a"));
        assertEquals(3, cache.builds(), "a was used recently and kept");
        cache.render(rset(RSET), 1, inputs("b"));
        assertEquals(4, cache.builds(), "b was the least recently used and dropped");
    }
}
