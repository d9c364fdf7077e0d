package dev.rset.forge.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.inputs.InputIds;
import dev.rset.forge.testing.Objects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** spec.filter.limit keeps the inputs a full poll would keep: it may admit a newcomer and evict another. */
class AdmissionTest {
    private static ResourceSetInputProvider provider(String type, Map<String, Object> filter) {
        return Objects.provider("p", type, "https://github.com/acme/app", Map.of("filter", filter));
    }

    private static Map<String, Map<String, Object>> prs(long... numbers) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (long n : numbers) {
            m.put(Long.toString(n), Map.of("id", Long.toString(n)));
        }
        return m;
    }

    private static Upsert pr(long n) {
        return new Upsert(Long.toString(n), Map.of("id", Long.toString(n)), Set.of());
    }

    private static Map<String, Map<String, Object>> tags(String... names) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (String t : names) {
            m.put(InputIds.of(t), Map.of("id", InputIds.of(t), "tag", t));
        }
        return m;
    }

    private static Upsert tag(String t) {
        return new Upsert(InputIds.of(t), Map.of("id", InputIds.of(t), "tag", t), Set.of());
    }

    @Test
    void underTheLimitEverythingIsAdmitted() {
        ResourceSetInputProvider p = provider("GitHubPullRequest", Map.of("limit", 3));
        assertEquals(new Admission.Decision(true, List.of()), Admission.decide(p, prs(1, 2), pr(3)));
    }

    @Test
    void aNewerRequestDisplacesTheOldestAndAnOlderOneIsNotAdmitted() {
        ResourceSetInputProvider p = provider("GitHubPullRequest", Map.of("limit", 2));
        assertEquals(new Admission.Decision(true, List.of("3")), Admission.decide(p, prs(3, 5), pr(9)));
        assertEquals(new Admission.Decision(false, List.of()), Admission.decide(p, prs(3, 5), pr(1)));
        assertEquals(new Admission.Decision(true, List.of()), Admission.decide(p, prs(3, 5), pr(3)),
                "an update of a kept request is always admitted");
    }

    @Test
    void branchesKeepTheFirstNamesInOrder() {
        ResourceSetInputProvider p = provider("GitHubBranch", Map.of("limit", 1));
        Map<String, Map<String, Object>> live = Map.of(InputIds.of("main"),
                Map.of("id", InputIds.of("main"), "branch", "main"));
        Upsert dev = new Upsert(InputIds.of("dev"), Map.of("id", InputIds.of("dev"), "branch", "dev"), Set.of());
        assertEquals(new Admission.Decision(true, List.of(InputIds.of("main"))), Admission.decide(p, live, dev));
    }

    @Test
    void tagsKeepTheNewestVersionsWithSemverAndReverseLexicalOrderWithout() {
        ResourceSetInputProvider semver = provider("GitHubTag", Map.of("limit", 2, "semver", ">=1.0.0"));
        assertEquals(new Admission.Decision(true, List.of(InputIds.of("v1.9.0"))),
                Admission.decide(semver, tags("v1.9.0", "v1.10.0"), tag("v2.0.0")));
        assertEquals(new Admission.Decision(false, List.of()),
                Admission.decide(semver, tags("v1.9.0", "v1.10.0"), tag("v1.2.0")));
        ResourceSetInputProvider lexical = provider("GitHubTag", Map.of("limit", 2));
        assertEquals(new Admission.Decision(false, List.of()),
                Admission.decide(lexical, tags("v1.9.0", "v1.8.0"), tag("v1.10.0")),
                "without semver, v1.10.0 sorts below v1.8.0 as Flux sorts it");
    }
}
