package dev.rset.forge.inputs;

import static dev.rset.forge.inputs.Plans.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.event.ChangeRequestEvent;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every change-request action of every forge yields the inputs a Flux poll would export after it. */
class ChangeRequestMappingTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final String SHA1 = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private static final String SHA2 = "9b1f2d6a0c4e8f7a3b5d1c2e4f6a8b0c2d4e6f8a";

    static String repo(ReceiverType type) {
        return type == ReceiverType.AZURE_DEVOPS ? "https://dev.azure.com/acme/platform/_git/app"
                : "https://" + type.wire() + ".example.com/acme/app";
    }

    private static ResourceSetInputProvider provider(ReceiverType type, Map<String, Object> spec) {
        return Objects.provider("prs", Objects.providerType(type, "PullRequest"), repo(type), spec);
    }

    private static ProviderPlan send(ReceiverType type, ResourceSetInputProvider p, ChangeRequest cr) {
        return Plans.plan(type, p, Payloads.changeRequest(type, TOKEN, "d-" + cr.action(), repo(type), cr));
    }

    private static Map<String, Object> expected(ChangeRequest cr, Map<String, Object> defaults) {
        Map<String, Object> m = new LinkedHashMap<>(defaults);
        m.put("id", Long.toString(cr.number()));
        m.put("sha", cr.sha());
        m.put("branch", cr.branch());
        m.put("author", cr.author());
        m.put("title", cr.title());
        if (!cr.labels().isEmpty()) {
            m.put("labels", cr.labels());
        }
        return m;
    }

    private static Upsert upsert(ProviderPlan plan) {
        assertEquals(1, plan.changes().size(), () -> "changes " + plan.changes() + ", notes " + plan.notes());
        assertTrue(plan.changes().get(0) instanceof Upsert, () -> "an upsert, got " + plan.changes());
        return (Upsert) plan.changes().get(0);
    }

    private static Remove remove(ProviderPlan plan) {
        assertEquals(1, plan.changes().size(), () -> "changes " + plan.changes() + ", notes " + plan.notes());
        assertTrue(plan.changes().get(0) instanceof Remove, () -> "a removal, got " + plan.changes());
        return (Remove) plan.changes().get(0);
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "FORGEJO", "AZURE_DEVOPS"})
    void openReopenSynchronizeLabelEditUpsertTheExportedInputs(ReceiverType type) {
        Map<String, Object> defaults = Map.of("chart", "charts/app", "env", "preview");
        ResourceSetInputProvider p = provider(type, Map.of("defaultValues", defaults));
        ChangeRequest opened = new ChangeRequest(7, "opened", true, SHA1, "feat/login", "alice", "Add login",
                List.of("preview", "backend"), T0);
        List<ChangeRequest> steps = List.of(opened,
                opened.withAction("reopened"),
                opened.synchronize(SHA2, T0.plusSeconds(60)),
                opened.labeled(List.of("preview"), T0.plusSeconds(120)),
                opened.labeled(List.of(), T0.plusSeconds(130)).withAction("unlabeled"),
                opened.edited("Add login page", T0.plusSeconds(180)));
        for (ChangeRequest cr : steps) {
            Upsert u = upsert(send(type, p, cr));
            assertEquals("7", u.id());
            assertEquals(expected(cr, defaults), u.values(), cr.action());
            assertEquals(type == ReceiverType.GITLAB ? Set.of("author") : Set.of(), u.keepExisting(),
                    "only GitLab payloads lack the author");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "FORGEJO", "AZURE_DEVOPS"})
    void closedAndMergedRemove(ReceiverType type) {
        ResourceSetInputProvider p = provider(type, Map.of());
        ChangeRequest cr = ChangeRequest.opened(9, SHA1, T0);
        assertEquals("9", remove(send(type, p, cr.closed(T0.plusSeconds(5)))).id());
        assertEquals("9", remove(send(type, p, cr.closed(T0.plusSeconds(5)).withAction("merged"))).id());
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "FORGEJO", "AZURE_DEVOPS"})
    void eventTimeIsTheRequestsUpdateTime(ReceiverType type) {
        ChangeRequest cr = ChangeRequest.opened(3, SHA1, T0.plusSeconds(42));
        ChangeRequestEvent e = (ChangeRequestEvent) Plans.parse(type,
                Payloads.changeRequest(type, TOKEN, "d-1", repo(type), cr)).event();
        assertEquals(T0.plusSeconds(42), e.eventTime());
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "FORGEJO", "AZURE_DEVOPS"})
    void labelFilterAddsOnlyLabelledRequestsAndRemovesUnlabelledOnes(ReceiverType type) {
        ResourceSetInputProvider p = provider(type, Map.of("filter", Map.of("labels", List.of("deploy/preview"))));
        ChangeRequest cr = new ChangeRequest(4, "opened", true, SHA1, "fix", "bob", "Fix", List.of("bug"), T0);
        Remove r = remove(send(type, p, cr));
        assertEquals("request 4 lacks the filter label deploy/preview", r.reason());
        Upsert u = upsert(send(type, p, cr.labeled(List.of("bug", "deploy/preview"), T0.plusSeconds(1))));
        assertEquals(List.of("bug", "deploy/preview"), u.values().get("labels"));
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "FORGEJO", "AZURE_DEVOPS"})
    void branchFiltersApplyToTheSourceBranch(ReceiverType type) {
        ResourceSetInputProvider p = provider(type, Map.of("filter", Map.of("includeBranch", "^feat/",
                "excludeBranch", "wip")));
        ChangeRequest cr = ChangeRequest.opened(5, SHA1, T0);
        assertEquals("5", upsert(send(type, p, cr.withBranch("feat/a"))).id());
        assertTrue(remove(send(type, p, cr.withBranch("fix/a"))).reason().contains("includeBranch/excludeBranch"));
        remove(send(type, p, cr.withBranch("feat/wip-a")));
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "FORGEJO", "AZURE_DEVOPS"})
    void skipLabelsLeaveTheInputAsItWasButClosingStillRemoves(ReceiverType type) {
        ResourceSetInputProvider p = provider(type, Map.of("skip", Map.of("labels", List.of("hold"))));
        ChangeRequest held = new ChangeRequest(6, "synchronize", true, SHA2, "b", "carol", "T", List.of("hold"), T0);
        ProviderPlan plan = send(type, p, held);
        assertEquals(List.of(), plan.changes());
        assertEquals(List.of("request 6 matches spec.skip.labels rule hold: its input is kept as it was"),
                plan.notes());
        remove(send(type, p, held.closed(T0.plusSeconds(1))));
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITEA", "AZURE_DEVOPS"})
    void negatedSkipLabelSkipsWhileTheLabelIsAbsent(ReceiverType type) {
        ResourceSetInputProvider p = provider(type, Map.of("skip", Map.of("labels", List.of("!ready"))));
        ChangeRequest cr = new ChangeRequest(8, "synchronize", true, SHA2, "b", "dan", "T", List.of(), T0);
        assertEquals(List.of(), send(type, p, cr).changes());
        assertEquals("8", upsert(send(type, p, cr.labeled(List.of("ready"), T0.plusSeconds(1)))).id());
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "AZURE_DEVOPS"})
    void anotherRepositorysEventChangesNothing(ReceiverType type) {
        ResourceSetInputProvider p = Objects.provider("prs", Objects.providerType(type, "PullRequest"),
                repo(type).replace("/app", "/other"), Map.of());
        ProviderPlan plan = send(type, p, ChangeRequest.opened(1, SHA1, T0));
        assertEquals(List.of(), plan.changes());
        assertTrue(plan.notes().get(0).startsWith("the event is for repository"), plan.notes().toString());
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "AZURE_DEVOPS"})
    void branchAndTagProvidersIgnoreChangeRequests(ReceiverType type) {
        for (String kind : List.of("Branch", "Tag")) {
            ResourceSetInputProvider p = Objects.provider("refs", Objects.providerType(type, kind), repo(type),
                    Map.of());
            assertEquals(List.of(), send(type, p, ChangeRequest.opened(1, SHA1, T0)).changes());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITLAB", "GITEA", "AZURE_DEVOPS"})
    void aReceiverOnlyFeedsItsOwnForgesProviders(ReceiverType type) {
        ResourceSetInputProvider github = Objects.provider("prs", "GitHubPullRequest", repo(type), Map.of());
        ProviderPlan plan = send(type, github, ChangeRequest.opened(1, SHA1, T0));
        assertEquals(List.of(), plan.changes());
        assertEquals(List.of("a " + type.wire() + " receiver does not update GitHubPullRequest providers"),
                plan.notes());
    }

    @org.junit.jupiter.api.Test
    void azureDevOpsUpdatedEventOfACompletedRequestRemovesIt() {
        ResourceSetInputProvider p = provider(ReceiverType.AZURE_DEVOPS, Map.of());
        ChangeRequest completed = ChangeRequest.opened(1, SHA1, T0).closed(T0.plusSeconds(9)).withAction("updated");
        assertEquals("request 1 is closed", remove(send(ReceiverType.AZURE_DEVOPS, p, completed)).reason());
    }

    @org.junit.jupiter.api.Test
    void exportedFieldsWinOverDefaultValuesAndEmptyOnesAreLeftOutAsFluxDoes() {
        ResourceSetInputProvider p = provider(ReceiverType.GITHUB, Map.of("defaultValues",
                Map.of("sha", "default", "title", "untitled", "labels", List.of("x"))));
        ChangeRequest cr = new ChangeRequest(2, "opened", true, SHA1, "b", "eve", "", List.of(), T0);
        Map<String, Object> values = upsert(send(ReceiverType.GITHUB, p, cr)).values();
        assertEquals(SHA1, values.get("sha"));
        assertEquals("untitled", values.get("title"), "an empty title is left out, so the default shows");
        assertEquals(List.of("x"), values.get("labels"));
    }
}
