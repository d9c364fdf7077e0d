package dev.rset.core.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A Flux {@code notification.toolkit.fluxcd.io/v1} Receiver: a webhook endpoint whose verified
 * events update the ResourceSetInputProviders it names. The token lives in the secret named by
 * {@code spec.secretRef} and is never part of this object.
 */
public record Receiver(ObjectMeta metadata, ReceiverType type, List<String> events, String secretRef,
        List<ReceiverResource> resources, boolean suspend, Map<String, Object> raw) {
    public static final String API_VERSION = "notification.toolkit.fluxcd.io/v1";
    public static final String KIND = "Receiver";
    public static final String HOOK_PATH_PREFIX = "/hook/";

    public Receiver {
        events = List.copyOf(events);
        resources = List.copyOf(resources);
    }

    /** Reads and validates a decoded manifest; throws {@link InvalidObjectException} naming the field. */
    public static Receiver from(Map<String, Object> manifest) {
        Fields top = Fields.of(KIND, manifest);
        Manifests.checkType(top, API_VERSION, KIND);
        ObjectMeta meta = ObjectMeta.read(top);
        Fields named = Fields.of(KIND + " " + Manifests.displayName(meta), manifest);
        if (meta.name().isEmpty()) {
            throw named.error("metadata.name", "required field is missing");
        }
        Fields spec = named.objectOrEmpty("spec");
        String type = spec.requiredString("type");
        ReceiverType t = ReceiverType.parse(type);
        if (t == null) {
            throw spec.error("type", "unsupported value \"" + type + "\", must be one of " + ReceiverType.names());
        }
        Fields secret = spec.object("secretRef");
        if (secret == null) {
            throw spec.error("secretRef", "required field is missing");
        }
        List<ReceiverResource> resources = spec.list("resources", (f, i) -> ReceiverResource.read(f, meta.namespace()));
        if (resources.isEmpty()) {
            throw spec.error("resources", "at least one resource is required");
        }
        return new Receiver(meta, t, spec.stringList("events"), secret.requiredString("name"), resources,
                spec.bool("suspend"), manifest);
    }

    public String name() {
        return metadata.name();
    }

    public String namespace() {
        return metadata.namespace();
    }

    /** True when {@code event} passes {@code spec.events} (an empty list accepts every event; case-insensitive as in Flux). */
    public boolean accepts(String event) {
        return events.isEmpty() || events.stream().anyMatch(e -> e.equalsIgnoreCase(event));
    }

    /** True when any of {@code spec.resources} selects {@code provider}. */
    public boolean selects(ResourceSetInputProvider provider) {
        return resources.stream().anyMatch(r -> r.selects(provider));
    }

    /** The path Flux serves this receiver on: {@code /hook/} + hex SHA-256 of token, name and namespace. */
    public String webhookPath(String token) {
        return HOOK_PATH_PREFIX + digest(token, name(), namespace());
    }

    public static String digest(String token, String name, String namespace) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] sum = sha.digest((token + name + namespace).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sum);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
