package dev.rset.forge.inputs;

import static dev.rset.forge.inputs.Plans.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.Payloads;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #11, item 8: titles, authors and branch names are exported without control characters,
 * whether a webhook or a poll read them, so that a template printing them cannot be made to start
 * a new line, a new document or a bidirectional override.
 */
class InputTextTest {
    private static final String SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private static final String INJECTING = "Fix\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding";

    @Test
    void controlsGoLineBreaksBecomeOneSpace() {
        assertEquals("Fix --- apiVersion: rbac.authorization.k8s.io/v1 kind: ClusterRoleBinding",
                InputText.clean(INJECTING));
        assertEquals("a b", InputText.clean("a\r\n\tb"));
        assertEquals("a b c", InputText.clean("a\u2028b\u2029c"));
        assertEquals("ab", InputText.clean("a\u0000\u0007\u001b\u007f\u0085b").replace(" ", ""));
        assertEquals("evil.exe", InputText.clean("evil\u202e.exe"));
        assertEquals("ab", InputText.clean("a\ud800b"), "a lone surrogate");
        // what is not a control stays: quotes, braces, delimiters, emoji (ZWJ sequences too), accents
        for (String kept : List.of("{injected}", "yes", "'x", "@x", "}", "<< inputs.id >>", "\"q\"",
                "👩‍💻 Zoë", "fix/ünïcode")) {
            assertEquals(kept, InputText.clean(kept));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GENERIC", "GENERIC_HMAC"}, mode = EnumSource.Mode.EXCLUDE)
    void webhookInputsAreCleaned(ReceiverType type) {
        ResourceSetInputProvider p = Objects.provider("prs", Objects.providerType(type, "PullRequest"),
                ChangeRequestMappingTest.repo(type), Map.of());
        ChangeRequest cr = new ChangeRequest(7, "opened", true, SHA, "feat/x\u0000\n", "dev\u001b[31m", INJECTING,
                List.of("preview"), Instant.parse("2026-11-24T10:00:00Z"));
        ProviderPlan plan = Plans.plan(type, p, Payloads.changeRequest(type, TOKEN, "d-1",
                ChangeRequestMappingTest.repo(type), cr));
        Map<String, Object> values = ((Upsert) plan.changes().get(0)).values();
        assertEquals("Fix --- apiVersion: rbac.authorization.k8s.io/v1 kind: ClusterRoleBinding", values.get("title"));
        assertEquals("feat/x ", values.get("branch"));
        values.forEach((k, v) -> assertFalse(String.valueOf(v).chars().anyMatch(Character::isISOControl),
                k + " = " + v));
    }

    @Test
    void polledInputsAreCleaned() {
        ResourceSetInputProvider prs = Objects.provider("prs", "GitHubPullRequest", "https://github.com/acme/app",
                Map.of());
        Map<String, Object> polled = PolledInputs.changeRequests(prs, List.of(new Listed.ChangeRequest(7, SHA,
                "fix\u2028x", "dev\u0000", INJECTING, List.of())), List.of()).get(0);
        assertEquals(Map.of("id", "7", "sha", SHA, "branch", "fix x", "author", "dev",
                "title", "Fix --- apiVersion: rbac.authorization.k8s.io/v1 kind: ClusterRoleBinding"), polled);
        ResourceSetInputProvider branches = Objects.provider("branches", "GitHubBranch", "https://github.com/acme/app",
                Map.of());
        assertEquals("main ", PolledInputs.branches(branches, List.of(new Listed.Ref("main\n", SHA))).get(0)
                .get("branch"));
        ResourceSetInputProvider envs = Objects.provider("envs", "GitLabEnvironment", "https://gitlab.com/acme/app",
                Map.of());
        Map<String, Object> env = PolledInputs.environments(envs, List.of(new Listed.Environment(3, "review/x\n---",
                "review-x", SHA, "x\u0085", "dev\u202e"))).get(0);
        assertEquals("review/x ---", env.get("title"));
        assertEquals("x ", env.get("branch"));
        assertEquals("dev", env.get("author"));
    }
}
