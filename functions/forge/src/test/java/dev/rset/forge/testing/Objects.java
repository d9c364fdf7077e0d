package dev.rset.forge.testing;

import dev.rset.core.api.Receiver;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.core.api.ResourceSetInputProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Receivers and providers built from manifests, as users write them. */
public final class Objects {
    public static final String NAMESPACE = "apps";

    private Objects() {
    }

    /** The provider type of {@code kind} (PullRequest, Branch, Tag) for the forge a receiver type serves. */
    public static String providerType(ReceiverType type, String kind) {
        String forge = switch (type) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case GITEA, FORGEJO -> "Gitea";
            case AZURE_DEVOPS -> "AzureDevOps";
            default -> throw new IllegalArgumentException(type.toString());
        };
        if (kind.equals("PullRequest") && type == ReceiverType.GITLAB) {
            return forge + "MergeRequest";
        }
        return forge + kind;
    }

    public static ResourceSetInputProvider provider(String name, String type, String url, Map<String, Object> spec) {
        return provider(name, Map.of(), type, url, spec);
    }

    public static ResourceSetInputProvider provider(String name, Map<String, String> labels, String type, String url,
            Map<String, Object> extraSpec) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", type);
        s.put("url", url);
        s.putAll(extraSpec);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        meta.put("namespace", NAMESPACE);
        meta.put("labels", labels);
        return ResourceSetInputProvider.from(Map.of("apiVersion", "fluxcd.controlplane.io/v1",
                "kind", "ResourceSetInputProvider", "metadata", meta, "spec", s));
    }

    public static Receiver receiver(String name, ReceiverType type, String secret, List<String> events,
            List<Map<String, Object>> resources) {
        return Receiver.from(Map.of("apiVersion", Receiver.API_VERSION, "kind", Receiver.KIND,
                "metadata", Map.of("name", name, "namespace", NAMESPACE),
                "spec", Map.of("type", type.wire(), "events", events, "secretRef", Map.of("name", secret),
                        "resources", resources)));
    }

    public static Map<String, Object> byName(String provider) {
        return Map.of("apiVersion", "fluxcd.controlplane.io/v1", "kind", "ResourceSetInputProvider", "name", provider);
    }
}
