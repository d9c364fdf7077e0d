package dev.rset.forge.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.api.Receiver;
import dev.rset.forge.testing.Objects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiversTest {
    private static final Receiver GITHUB = Objects.receiver("github-receiver", ReceiverType.GITHUB, "webhook-token",
            List.of("pull_request"), List.of(Objects.byName("app-prs")));

    @Test
    void webhookPathIsTheFluxDigestOfTokenNameAndNamespace() {
        // printf 'tokengithub-receiverapps' | sha256sum
        assertEquals("/hook/fbb9bb6c0e537fe34f7680ee8cd9606a88756ce1eecf2cd304fe094b6236a847",
                Receivers.webhookPath("token", GITHUB));
    }

    @Test
    void eventsFilterIsCaseInsensitiveAndAlwaysLetsPingThrough() {
        assertTrue(Receivers.accepts(GITHUB, "pull_request"));
        assertTrue(Receivers.accepts(GITHUB, "PULL_REQUEST"));
        assertTrue(Receivers.accepts(GITHUB, "ping"));
        assertFalse(Receivers.accepts(GITHUB, "push"));
        Receiver any = Objects.receiver("r", ReceiverType.GITHUB, "s", List.of(), List.of(Objects.byName("x")));
        assertTrue(Receivers.accepts(any, "push"));
    }

    @Test
    void selectsProvidersByNameOrByLabelsInItsNamespace() {
        assertTrue(Receivers.selects(GITHUB, Objects.provider("app-prs", "GitHubPullRequest", "u", Map.of())));
        assertFalse(Receivers.selects(GITHUB, Objects.provider("app-tags", "GitHubTag", "u", Map.of())));
        Receiver byLabel = Objects.receiver("r", ReceiverType.GITHUB, "s", List.of(), List.of(Map.of(
                "kind", "ResourceSetInputProvider", "name", "*", "matchLabels", Map.of("team", "web"))));
        assertTrue(Receivers.selects(byLabel, Objects.provider("a", Map.of("team", "web"), "GitHubBranch", "u",
                Map.of())));
        assertFalse(Receivers.selects(byLabel, Objects.provider("b", Map.of("team", "db"), "GitHubBranch", "u",
                Map.of())));
    }
}
