package dev.rset.forge.hook;

import dev.rset.core.api.Receiver;
import dev.rset.core.api.ResourceSetInputProvider;
import java.util.Map;

/** Flux Receiver semantics: the secret webhook path, the events filter and the resources it names. */
public final class Receivers {
    public static final String HOOK_PATH_PREFIX = "/hook/";

    private Receivers() {
    }

    /** The hex SHA-256 of token, name and namespace: the last segment of the receiver's URL path, as in Flux. */
    public static String digest(String token, Receiver receiver) {
        return receiver.webhookDigest(token);
    }

    public static String webhookPath(String token, Receiver receiver) {
        return receiver.webhookPath(token);
    }

    /**
     * True when {@code event} passes {@code spec.events}: an empty list accepts every event, names
     * compare case-insensitively, and a ping is always answered, as in Flux.
     */
    public static boolean accepts(Receiver receiver, String event) {
        return receiver.events().isEmpty() || "ping".equals(event)
                || receiver.events().stream().anyMatch(e -> e.equalsIgnoreCase(event));
    }

    /** True when one of {@code spec.resources} names {@code provider} (in the receiver's namespace). */
    public static boolean selects(Receiver receiver, ResourceSetInputProvider provider) {
        if (!receiver.namespace().equals(provider.namespace())) {
            return false;
        }
        for (Receiver.Target t : receiver.resources()) {
            boolean named = "*".equals(t.name()) || t.name().equals(provider.name());
            if (named && labelsMatch(t.matchLabels(), provider.metadata().labels())) {
                return true;
            }
        }
        return false;
    }

    private static boolean labelsMatch(Map<String, String> wanted, Map<String, String> labels) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
