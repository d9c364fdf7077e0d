package dev.rset.forge.inputs;

import static dev.rset.forge.inputs.Plans.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.inputs.InputIds;
import dev.rset.forge.event.IgnoredEvent;
import dev.rset.forge.event.RefEvent;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import dev.rset.forge.testing.SignedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Branch and tag events of every forge yield {@code id, branch, sha} and {@code id, tag, sha} inputs. */
class RefMappingTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final String OLD = "95790bf891e76fee5e1747ab589903a6a1f80f22";
    private static final String SHA = "da1560886d4f094c3e6c9ef40349f7d38b5d27d7";

    private static String repo(ReceiverType type) {
        return ChangeRequestMappingTest.repo(type);
    }

    private static ResourceSetInputProvider provider(ReceiverType type, String kind, Map<String, Object> spec) {
        return Objects.provider("refs", Objects.providerType(type, kind), repo(type), spec);
    }

    private static SignedRequest push(ReceiverType type, String ref, String sha) {
        return Payloads.push(type, TOKEN, "d-1", repo(type), ref, OLD, sha, T0);
    }

    private static InputChange only(ProviderPlan plan) {
        assertEquals(1, plan.changes().size(), () -> "changes " + plan.changes() + ", notes " + plan.notes());
        return plan.changes().get(0);
    }

    private static Upsert branchUpsert(String name, String sha, Map<String, Object> defaults) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(defaults);
        m.put("id", InputIds.of(name));
        m.put("branch", name);
        m.put("sha", sha);
        return new Upsert(InputIds.of(name), m, Set.of());
    }

    private static Upsert tagUpsert(String name, String sha) {
        return new Upsert(InputIds.of(name), Map.of("id", InputIds.of(name), "tag", name, "sha", sha), Set.of());
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "FORGEJO", "AZURE_DEVOPS"})
    void branchPushUpsertsAndBranchDeletionRemoves(ReceiverType type) {
        Map<String, Object> defaults = Map.of("cluster", "staging");
        ResourceSetInputProvider p = provider(type, "Branch", Map.of("defaultValues", defaults));
        assertEquals(branchUpsert("release/1.x", SHA, defaults),
                only(Plans.plan(type, p, push(type, "refs/heads/release/1.x", SHA))));
        InputChange deleted = only(Plans.plan(type, p, push(type, "refs/heads/release/1.x", Payloads.ZERO)));
        assertEquals(new Remove(InputIds.of("release/1.x"), "release/1.x was deleted"), deleted);
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "FORGEJO", "AZURE_DEVOPS"})
    void tagPushUpsertsAndTagDeletionRemoves(ReceiverType type) {
        ResourceSetInputProvider p = provider(type, "Tag", Map.of());
        assertEquals(tagUpsert("v1.2.0", SHA), only(Plans.plan(type, p, push(type, "refs/tags/v1.2.0", SHA))));
        assertEquals(new Remove(InputIds.of("v1.2.0"), "v1.2.0 was deleted"),
                only(Plans.plan(type, p, push(type, "refs/tags/v1.2.0", Payloads.ZERO))));
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "FORGEJO", "AZURE_DEVOPS"})
    void branchProvidersIgnoreTagsAndTagProvidersIgnoreBranches(ReceiverType type) {
        assertEquals(List.of(), Plans.plan(type, provider(type, "Branch", Map.of()),
                push(type, "refs/tags/v1.0.0", SHA)).changes());
        assertEquals(List.of(), Plans.plan(type, provider(type, "Tag", Map.of()),
                push(type, "refs/heads/main", SHA)).changes());
        assertEquals(List.of(), Plans.plan(type, provider(type, "PullRequest", Map.of()),
                push(type, "refs/heads/main", SHA)).changes());
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITEA", "FORGEJO"})
    void giteaCreateAndDeleteEvents(ReceiverType type) {
        ResourceSetInputProvider branches = provider(type, "Branch", Map.of());
        ResourceSetInputProvider tags = provider(type, "Tag", Map.of());
        SignedRequest createBranch = Payloads.create(type, TOKEN, "d-2", repo(type), "branch", "feature", SHA, T0);
        assertEquals(branchUpsert("feature", SHA, Map.of()), only(Plans.plan(type, branches, createBranch)));
        SignedRequest createTag = Payloads.create(type, TOKEN, "d-3", repo(type), "tag", "v2.0.0", SHA, T0);
        assertEquals(tagUpsert("v2.0.0", SHA), only(Plans.plan(type, tags, createTag)));
        SignedRequest deleteBranch = Payloads.delete(type, TOKEN, "d-4", repo(type), "branch", "feature", T0);
        assertEquals(new Remove(InputIds.of("feature"), "feature was deleted"),
                only(Plans.plan(type, branches, deleteBranch)));
        SignedRequest deleteTag = Payloads.delete(type, TOKEN, "d-5", repo(type), "tag", "v2.0.0", T0);
        assertEquals(new Remove(InputIds.of("v2.0.0"), "v2.0.0 was deleted"), only(Plans.plan(type, tags, deleteTag)));
    }

    @Test
    void githubDeleteRemovesAndCreateWaitsForThePushThatCarriesTheSha() {
        ReceiverType gh = ReceiverType.GITHUB;
        ResourceSetInputProvider branches = provider(gh, "Branch", Map.of());
        SignedRequest delete = Payloads.delete(gh, TOKEN, "d-6", repo(gh), "branch", "feature", T0);
        assertEquals(new Remove(InputIds.of("feature"), "feature was deleted"), only(Plans.plan(gh, branches, delete)));
        SignedRequest create = Payloads.create(gh, TOKEN, "d-7", repo(gh), "branch", "feature", SHA, T0);
        assertTrue(Plans.parse(gh, create).event() instanceof IgnoredEvent);
        assertEquals(List.of(), Plans.plan(gh, branches, create).changes());
    }

    @Test
    void branchFiltersSelectWhichBranchesAreExported() {
        ReceiverType gh = ReceiverType.GITHUB;
        ResourceSetInputProvider p = provider(gh, "Branch", Map.of("filter",
                Map.of("includeBranch", "^release/", "excludeBranch", "-rc$")));
        assertEquals(1, Plans.plan(gh, p, push(gh, "refs/heads/release/2.0", SHA)).changes().size());
        ProviderPlan rc = Plans.plan(gh, p, push(gh, "refs/heads/release/2.0-rc", SHA));
        assertEquals(List.of(), rc.changes());
        assertEquals(List.of("release/2.0-rc does not pass spec.filter"), rc.notes());
        assertEquals(List.of(), Plans.plan(gh, p, push(gh, "refs/heads/main", SHA)).changes());
    }

    @Test
    void tagFiltersAndSemverRanges() {
        ReceiverType gl = ReceiverType.GITLAB;
        ResourceSetInputProvider p = provider(gl, "Tag", Map.of("filter",
                Map.of("semver", ">=1.0.0, <2.0.0", "excludeTag", "-rc")));
        assertEquals(1, Plans.plan(gl, p, push(gl, "refs/tags/v1.4.2", SHA)).changes().size());
        assertEquals(1, Plans.plan(gl, p, push(gl, "refs/tags/1.0", SHA)).changes().size(), "lenient 1.0");
        assertEquals(List.of(), Plans.plan(gl, p, push(gl, "refs/tags/v2.0.0", SHA)).changes());
        assertEquals(List.of(), Plans.plan(gl, p, push(gl, "refs/tags/v1.5.0-rc.1", SHA)).changes());
        assertEquals(List.of(), Plans.plan(gl, p, push(gl, "refs/tags/latest", SHA)).changes());
        ResourceSetInputProvider include = provider(gl, "Tag", Map.of("filter", Map.of("includeTag", "^prod-")));
        assertEquals(1, Plans.plan(gl, include, push(gl, "refs/tags/prod-42", SHA)).changes().size());
        assertEquals(List.of(), Plans.plan(gl, include, push(gl, "refs/tags/dev-42", SHA)).changes());
    }

    @Test
    void azureDevOpsPushMayMoveSeveralRefs() {
        ReceiverType ado = ReceiverType.AZURE_DEVOPS;
        SignedRequest r = dev.rset.forge.testing.Signer.sign(ado, TOKEN, "", "d-8",
                dev.rset.forge.testing.Fixture.load("azuredevops/push.json").with("id", "d-8")
                        .with("remote_url", "https://acme@dev.azure.com/acme/platform/_git/app")
                        .with("created_date", "2026-11-24T10:00:00.1234567Z")
                        .with("ref_updates", List.of(
                                Map.of("name", "refs/heads/main", "oldObjectId", OLD, "newObjectId", SHA),
                                Map.of("name", "refs/heads/old", "oldObjectId", OLD, "newObjectId", Payloads.ZERO),
                                Map.of("name", "refs/tags/v1", "oldObjectId", Payloads.ZERO, "newObjectId", SHA)))
                        .bytes());
        RefEvent e = (RefEvent) Plans.parse(ado, r).event();
        assertEquals(Instant.parse("2026-11-24T10:00:00.1234567Z"), e.eventTime());
        ProviderPlan plan = Plans.plan(ado, provider(ado, "Branch", Map.of()), r);
        assertEquals(List.of(branchUpsert("main", SHA, Map.of()), new Remove(InputIds.of("old"), "old was deleted")),
                plan.changes(), "user info in the remote URL does not hide the repository");
    }
}
