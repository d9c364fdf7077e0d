package dev.rset.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSetValidationTest {
    private static Map<String, Object> manifest(Map<String, Object> spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "fluxcd.controlplane.io/v1");
        m.put("kind", "ResourceSet");
        m.put("metadata", Map.of("name", "app1", "namespace", "apps", "labels", Map.of("team", "a")));
        m.put("spec", spec);
        return m;
    }

    private static String error(Map<String, Object> spec) {
        return assertThrows(InvalidObjectException.class, () -> ResourceSet.from(manifest(spec))).getMessage();
    }

    private static final Map<String, Object> CM = Map.of("apiVersion", "v1", "kind", "ConfigMap",
            "metadata", Map.of("name", "cm"));

    @Test
    void readsTheSpec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("inputs", List.of(Map.of("tenant", "t1")));
        spec.put("inputsFrom", List.of(Map.of("selector", Map.of("matchLabels", Map.of("role", "x")))));
        spec.put("inputStrategy", Map.of("name", "Permute", "includeEmptyProviders", true));
        spec.put("resources", List.of(CM));
        spec.put("commonMetadata", Map.of("labels", Map.of("a", "b")));
        ResourceSet r = ResourceSet.from(manifest(spec));
        assertEquals("app1", r.name());
        assertEquals("apps", r.namespace());
        assertEquals(InputStrategy.PERMUTE, r.spec().inputStrategy());
        assertTrue(r.spec().includeEmptyProviders());
        assertEquals("ResourceSetInputProvider", r.spec().inputsFrom().get(0).kind());
        assertTrue(r.spec().inputsFrom().get(0).selector().matches(Map.of("role", "x", "other", "y")));
        assertEquals(Map.of("a", "b"), r.spec().commonMetadata().labels());
        assertEquals("a", r.metadata().labels().get("team"));
    }

    @Test
    void stepsExcludeResources() {
        assertEquals("ResourceSet apps/app1: spec.steps is mutually exclusive with spec.resources and "
                + "spec.resourcesTemplate", error(Map.of("resources", List.of(CM),
                        "steps", List.of(Map.of("name", "a", "resources", List.of(CM))))));
    }

    @Test
    void stepRules() {
        assertEquals("ResourceSet apps/app1: spec.steps[1].name: duplicate step name \"a\"",
                error(Map.of("steps", List.of(Map.of("name", "a", "resources", List.of(CM)),
                        Map.of("name", "a", "resources", List.of(CM))))));
        assertTrue(error(Map.of("steps", List.of(Map.of("name", "Not_DNS", "resources", List.of(CM)))))
                .startsWith("ResourceSet apps/app1: spec.steps[0].name: \"Not_DNS\" must be a DNS label"));
        assertEquals("ResourceSet apps/app1: spec.steps[0]: step \"a\": at least one of resources or "
                + "resourcesTemplate must be set", error(Map.of("steps", List.of(Map.of("name", "a")))));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(Map.of("name", "s" + i, "resources", List.of(CM)));
        }
        assertEquals("ResourceSet apps/app1: spec.steps: must have at most 20 items, got 21",
                error(Map.of("steps", many)));
    }

    @Test
    void typeErrorsNameTheField() {
        assertEquals("ResourceSet apps/app1: spec.inputsFrom: expected a list, got a string",
                error(Map.of("inputsFrom", "x")));
        assertEquals("ResourceSet apps/app1: spec.inputsFrom[0].selector.matchExpressions[0].operator: "
                + "\"Maybe\" is not a valid label selector operator",
                error(Map.of("inputsFrom", List.of(Map.of("selector", Map.of("matchExpressions",
                        List.of(Map.of("key", "a", "operator", "Maybe"))))))));
        assertEquals("ResourceSet apps/app1: spec.inputStrategy.name: unsupported value \"Zip\", must be "
                + "Flatten or Permute", error(Map.of("inputStrategy", Map.of("name", "Zip"))));
        assertEquals("ResourceSet apps/app1: spec.commonMetadata.labels.a: expected a string, got a number",
                error(Map.of("commonMetadata", Map.of("labels", Map.of("a", 1L)))));
    }

    @Test
    void kindAndNameAreRequired() {
        Map<String, Object> m = manifest(Map.of());
        m.put("kind", "Kustomization");
        assertEquals("ResourceSet: kind: expected \"ResourceSet\", got \"Kustomization\"",
                assertThrows(InvalidObjectException.class, () -> ResourceSet.from(m)).getMessage());
        Map<String, Object> noName = manifest(Map.of());
        noName.put("metadata", Map.of("namespace", "apps"));
        assertEquals("ResourceSet apps/: metadata.name: required field is missing",
                assertThrows(InvalidObjectException.class, () -> ResourceSet.from(noName)).getMessage());
    }

    @Test
    void providerSpec() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "fluxcd.controlplane.io/v1");
        m.put("kind", "ResourceSetInputProvider");
        m.put("metadata", Map.of("name", "prs", "namespace", "apps"));
        m.put("spec", Map.of("type", "GitHubPullRequest", "url", "https://github.com/org/repo",
                "filter", Map.of("labels", List.of("deploy"), "limit", 10L), "skip", Map.of("labels", List.of("hold")),
                "schedule", List.of(Map.of("cron", "0 8 * * 1-5", "window", "8h"))));
        ResourceSetInputProvider p = ResourceSetInputProvider.from(m);
        assertEquals(ProviderType.GITHUB_PULL_REQUEST, p.spec().type());
        assertEquals(ProviderType.Export.CHANGE_REQUEST, p.spec().type().export());
        assertEquals(10, p.spec().filter().limit());
        assertEquals(List.of("hold"), p.spec().skipLabels());
        assertEquals("UTC", p.spec().schedule().get(0).timeZone());
        m.put("spec", Map.of("type", "GitHubPullRequest", "filter", Map.of("limit", 20_000L)));
        assertEquals("ResourceSetInputProvider apps/prs: spec.filter.limit: must be between 1 and 10000, got 20000",
                assertThrows(InvalidObjectException.class, () -> ResourceSetInputProvider.from(m)).getMessage());
    }
}
