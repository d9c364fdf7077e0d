package dev.rset.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiverTest {
    private static Map<String, Object> manifest(Map<String, Object> spec) {
        return Map.of("apiVersion", "notification.toolkit.fluxcd.io/v1", "kind", "Receiver",
                "metadata", Map.of("name", "github-receiver", "namespace", "apps"), "spec", spec);
    }

    private static Map<String, Object> spec(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "github");
        m.put("secretRef", Map.of("name", "webhook-token"));
        m.put("resources", List.of(Map.of("apiVersion", "fluxcd.controlplane.io/v1",
                "kind", "ResourceSetInputProvider", "name", "app-prs")));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ResourceSetInputProvider provider(String name, String ns, Map<String, String> labels) {
        return ResourceSetInputProvider.from(Map.of("apiVersion", "fluxcd.controlplane.io/v1",
                "kind", "ResourceSetInputProvider", "metadata", Map.of("name", name, "namespace", ns, "labels", labels),
                "spec", Map.of("type", "GitHubPullRequest", "url", "https://github.com/acme/app")));
    }

    @Test
    void readsAFluxReceiver() {
        Receiver r = Receiver.from(manifest(spec("events", List.of("ping", "pull_request"))));
        assertEquals(ReceiverType.GITHUB, r.type());
        assertEquals("webhook-token", r.secretRef());
        assertTrue(r.accepts("pull_request"));
        assertTrue(r.accepts("PING"), "Flux compares event names case-insensitively");
        assertFalse(r.accepts("push"));
        assertTrue(r.selects(provider("app-prs", "apps", Map.of())));
        assertFalse(r.selects(provider("app-prs", "other", Map.of())), "same namespace by default");
        assertFalse(r.selects(provider("app-branches", "apps", Map.of())));
    }

    @Test
    void selectsByLabelsWithTheWildcardName() {
        Receiver r = Receiver.from(manifest(spec("resources", List.of(Map.of("kind", "ResourceSetInputProvider",
                "name", "*", "matchLabels", Map.of("team", "web"))))));
        assertTrue(r.selects(provider("a", "apps", Map.of("team", "web"))));
        assertFalse(r.selects(provider("b", "apps", Map.of("team", "db"))));
    }

    @Test
    void webhookPathIsTheFluxDigestOfTokenNameAndNamespace() {
        Receiver r = Receiver.from(manifest(spec()));
        // printf 'tokengithub-receiverapps' | sha256sum
        assertEquals("/hook/fbb9bb6c0e537fe34f7680ee8cd9606a88756ce1eecf2cd304fe094b6236a847", r.webhookPath("token"));
    }

    @Test
    void errorsNameTheObjectAndField() {
        assertEquals("Receiver apps/github-receiver: spec.type: unsupported value \"bitbucket\", must be one of "
                + "github, gitlab, gitea, forgejo, azuredevops, generic, generic-hmac",
                assertThrows(InvalidObjectException.class, () -> Receiver.from(manifest(spec("type", "bitbucket"))))
                        .getMessage());
        Map<String, Object> noSecret = spec();
        noSecret.remove("secretRef");
        assertEquals("Receiver apps/github-receiver: spec.secretRef: required field is missing",
                assertThrows(InvalidObjectException.class, () -> Receiver.from(manifest(noSecret))).getMessage());
        assertEquals("Receiver apps/github-receiver: spec.resources[0].kind: unsupported value \"Kustomization\", "
                + "must be ResourceSetInputProvider", assertThrows(InvalidObjectException.class,
                        () -> Receiver.from(manifest(spec("resources", List.of(Map.of("kind", "Kustomization",
                                "name", "x")))))).getMessage());
        assertEquals("Receiver apps/github-receiver: spec.resources[0].matchLabels: required when name is \"*\"",
                assertThrows(InvalidObjectException.class, () -> Receiver.from(manifest(spec("resources",
                        List.of(Map.of("kind", "ResourceSetInputProvider", "name", "*")))))).getMessage());
    }
}
