package dev.rset.reconciler.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.builder.BuildResult;
import dev.rset.delivery.kube.SerializationPriming;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimingTest {
    @Test
    void theSampleGoesThroughRenderingAndTheApplysSerialisation() {
        // A failure anywhere (YAML, template, serialisation) throws: priming would then fail the
        // SnapStart init instead of silently priming nothing.
        BuildResult r = Priming.run();

        assertEquals(List.of("Namespace/priming-1", "Namespace/priming-2", "Deployment/priming-1/app",
                "Deployment/priming-2/app"), r.objects().stream().map(PrimingTest::ref).toList());
        Map<String, Object> first = r.objects().get(0);
        assertEquals("feature-priming", labels(first).get("branch"));
        assertEquals("main", labels(r.objects().get(1)).get("branch"));
        assertEquals(2L, ((Number) spec(r.objects().get(2)).get("replicas")).longValue());
        assertEquals(1L, ((Number) spec(r.objects().get(3)).get("replicas")).longValue());
    }

    @Test
    void serialisationPrimingFailsOnAnObjectAnApplyCouldNotWrite() {
        assertTrue(SerializationPriming.run(List.of(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "x")))) > 0);
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> SerializationPriming.run(
                List.of(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", "not a map"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> o) {
        return (Map<String, Object>) o.get("metadata");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(Map<String, Object> o) {
        return (Map<String, Object>) meta(o).get("labels");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> o) {
        return (Map<String, Object>) o.get("spec");
    }

    private static String ref(Map<String, Object> o) {
        Object ns = meta(o).get("namespace");
        return o.get("kind") + "/" + (ns == null ? "" : ns + "/") + meta(o).get("name");
    }
}
