package dev.rset.cli.admin;

import java.util.Locale;
import java.util.Optional;

/** The kinds the API serves, by every name a user may type ({@code rset get rsip}). */
enum ResourceKind {
    RESOURCE_SET("ResourceSet", "resourcesets", true, "rset"),
    RESOURCE_SET_INPUT_PROVIDER("ResourceSetInputProvider", "resourcesetinputproviders", true, "rsip"),
    RECEIVER("Receiver", "receivers", true, "receiver"),
    CLUSTER("Cluster", "clusters", false, "cluster");

    final String kind;
    final String plural;
    final boolean namespaced;
    final String shortName;

    ResourceKind(String kind, String plural, boolean namespaced, String shortName) {
        this.kind = kind;
        this.plural = plural;
        this.namespaced = namespaced;
        this.shortName = shortName;
    }

    static Optional<ResourceKind> parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ResourceKind k : values()) {
            String singular = k.kind.toLowerCase(Locale.ROOT);
            if (n.equals(singular) || n.equals(k.plural) || n.equals(k.shortName) || n.equals(k.shortName + "s")) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    static ResourceKind require(String name) {
        return parse(name).orElseThrow(() -> new UsageException("unknown resource type \"" + name
                + "\": use resourceset (rset), resourcesetinputprovider (rsip), receiver or cluster"));
    }

    /** The API path of one object, or of the collection when {@code name} is null. */
    String path(String namespace, String name) {
        String base = namespaced && namespace != null ? "/v1/namespaces/" + namespace + "/" + plural : "/v1/" + plural;
        return name == null ? base : base + "/" + name;
    }
}
