package dev.rset.store;

import java.util.Locale;
import java.util.Optional;

/** The kinds of definitions the control plane stores, with their API path segment. */
public enum Kind {
    RESOURCE_SET("ResourceSet", "resourcesets", true, "rset"),
    RESOURCE_SET_INPUT_PROVIDER("ResourceSetInputProvider", "resourcesetinputproviders", true, "rsip"),
    RECEIVER("Receiver", "receivers", true, "receiver"),
    CLUSTER("Cluster", "clusters", false, "cluster");

    private final String kind;
    private final String plural;
    private final boolean namespaced;
    private final String shortName;

    Kind(String kind, String plural, boolean namespaced, String shortName) {
        this.kind = kind;
        this.plural = plural;
        this.namespaced = namespaced;
        this.shortName = shortName;
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    public boolean namespaced() {
        return namespaced;
    }

    /** By manifest kind, exactly as written ({@code ResourceSet}). */
    public static Optional<Kind> byKind(String kind) {
        for (Kind k : values()) {
            if (k.kind.equals(kind)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** By any name a user types: kind, plural, singular or short name, in any case. */
    public static Optional<Kind> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Kind k : values()) {
            String singular = k.kind.toLowerCase(Locale.ROOT);
            if (n.equals(singular) || n.equals(k.plural) || n.equals(k.shortName) || n.equals(k.shortName + "s")) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
