package dev.rset.core.api;

import java.util.Map;

/**
 * An entry of a Receiver's {@code spec.resources}: a ResourceSetInputProvider by name, or every
 * provider whose labels match {@code matchLabels} when the name is {@code *} (Flux semantics).
 */
public record ReceiverResource(String apiVersion, String kind, String name, String namespace,
        Map<String, String> matchLabels) {
    public static final String ANY_NAME = "*";

    public ReceiverResource {
        matchLabels = Map.copyOf(matchLabels);
    }

    /** True when this entry selects {@code provider}. */
    public boolean selects(ResourceSetInputProvider provider) {
        if (!namespace.equals(provider.namespace())) {
            return false;
        }
        if (!ANY_NAME.equals(name) && !name.equals(provider.name())) {
            return false;
        }
        Map<String, String> labels = provider.metadata().labels();
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static ReceiverResource read(Fields f, String receiverNamespace) {
        String kind = f.requiredString("kind");
        if (!ResourceSetInputProvider.KIND.equals(kind)) {
            throw f.error("kind", "unsupported value \"" + kind + "\", must be " + ResourceSetInputProvider.KIND);
        }
        String apiVersion = f.string("apiVersion");
        if (!apiVersion.isEmpty() && !ResourceSet.API_VERSION.equals(apiVersion)) {
            throw f.error("apiVersion", "expected \"" + ResourceSet.API_VERSION + "\", got \"" + apiVersion + "\"");
        }
        String name = f.requiredString("name");
        Map<String, String> labels = f.stringMap("matchLabels");
        if (ANY_NAME.equals(name) && labels.isEmpty()) {
            throw f.error("matchLabels", "required when name is \"*\"");
        }
        String ns = f.string("namespace");
        return new ReceiverResource(ResourceSet.API_VERSION, kind, name, ns.isEmpty() ? receiverNamespace : ns,
                labels);
    }
}
