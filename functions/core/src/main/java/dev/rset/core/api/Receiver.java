package dev.rset.core.api;

import dev.rset.core.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Flux {@code notification.toolkit.fluxcd.io/v1} Receiver: a webhook endpoint whose verified
 * events update the ResourceSetInputProviders named in {@code resources}. The token lives in
 * the secret named by {@code secretRef} (a Secrets Manager secret here), never in the manifest.
 */
public record Receiver(ObjectMeta metadata, String type, List<String> events, List<Target> resources,
        String secretRef, Map<String, Object> raw) {
    public static final String API_VERSION = "notification.toolkit.fluxcd.io/v1";
    public static final String KIND = "Receiver";
    /** Forges whose webhooks this control plane verifies and parses. */
    public static final Set<String> TYPES = Set.of("github", "gitlab", "gitea", "forgejo", "azuredevops", "generic",
            "generic-hmac");

    /** One of {@code spec.resources}: a provider by name, or by labels with name {@code *}. */
    public record Target(String kind, String name, Map<String, String> matchLabels) {
        public Target {
            matchLabels = Map.copyOf(matchLabels);
        }
    }

    public Receiver {
        events = List.copyOf(events);
        resources = List.copyOf(resources);
    }

    public static Receiver from(Map<String, Object> manifest) {
        Manifests.Named read = Manifests.read(manifest, API_VERSION, KIND);
        ObjectMeta meta = read.meta();
        Fields named = read.fields();
        Fields spec = named.objectOrEmpty("spec");
        String type = spec.requiredString("type");
        if (!TYPES.contains(type)) {
            throw spec.error("type", "unsupported value \"" + type + "\", must be one of " + sorted(TYPES));
        }
        Fields secret = spec.object("secretRef");
        if (secret == null) {
            throw spec.error("secretRef", "required field is missing");
        }
        List<Target> targets = spec.list("resources", (f, i) -> {
            String kind = f.string("kind");
            if (!kind.equals(ResourceSetInputProvider.KIND)) {
                throw f.error("kind", "unsupported value \"" + kind + "\", must be " + ResourceSetInputProvider.KIND);
            }
            Map<String, String> labels = f.stringMap("matchLabels");
            String name = f.string("name");
            if (name.isEmpty() || (name.equals("*") && labels.isEmpty())) {
                throw f.error("name", name.isEmpty() ? "required field is missing"
                        : "\"*\" needs matchLabels to choose the providers");
            }
            return new Target(kind, name, labels);
        });
        if (targets.isEmpty()) {
            throw spec.error("resources", "must name at least one ResourceSetInputProvider");
        }
        return new Receiver(meta, type, spec.stringList("events"), targets, secret.requiredString("name"), manifest);
    }

    public String name() {
        return metadata.name();
    }

    /**
     * The path of this receiver's webhook, {@code /hook/} and the hex SHA-256 of token, name and
     * namespace, as Flux computes {@code status.webhookPath}. The token makes the path a secret.
     */
    public String webhookPath(String token) {
        return "/hook/" + webhookDigest(token);
    }

    /** The last segment of {@link #webhookPath}. */
    public String webhookDigest(String token) {
        return Sha256.hex(token + name() + namespace());
    }

    public String namespace() {
        return metadata.namespace();
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", new java.util.TreeSet<>(s));
    }
}
