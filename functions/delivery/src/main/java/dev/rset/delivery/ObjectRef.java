package dev.rset.delivery;

import java.util.Map;

/**
 * An object on a cluster by its identity. {@link #inventoryId()} is Flux's inventory entry format,
 * {@code <namespace>_<name>_<group>_<kind>}, with the API version kept beside it.
 */
public record ObjectRef(String group, String version, String kind, String namespace, String name) {
    public ObjectRef {
        group = group == null ? "" : group;
        namespace = namespace == null ? "" : namespace;
    }

    /** The reference of a rendered object ({@code apiVersion}, {@code kind}, {@code metadata}). */
    @SuppressWarnings("unchecked")
    public static ObjectRef of(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        int slash = apiVersion.indexOf('/');
        Map<String, Object> meta = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        Object ns = meta.get("namespace");
        return new ObjectRef(slash < 0 ? "" : apiVersion.substring(0, slash),
                slash < 0 ? apiVersion : apiVersion.substring(slash + 1), String.valueOf(object.get("kind")),
                ns == null ? "" : ns.toString(), String.valueOf(meta.get("name")));
    }

    /** Parses an inventory entry ({@code id} as written by {@link #inventoryId()}, and its version). */
    public static ObjectRef fromInventory(String id, String version) {
        // Names, namespaces and kinds never hold '_'; a group can be empty (core kinds).
        String[] parts = id.split("_", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("inventory entry \"" + id + "\" is not <namespace>_<name>_<group>_<kind>");
        }
        return new ObjectRef(parts[2], version, parts[3], parts[0], parts[1]);
    }

    public String inventoryId() {
        return namespace + "_" + name + "_" + group + "_" + kind;
    }

    /**
     * A kind of the Flux toolkit or of the Flux Operator: its controllers act on deletion (finalizers),
     * so garbage collection deletes these first and waits, and health requires their observed generation.
     */
    public boolean fluxKind() {
        return group.endsWith(".toolkit.fluxcd.io") || group.equals("fluxcd.controlplane.io");
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code Kind/namespace/name}, or {@code Kind/name} when cluster-scoped, as Flux's change sets print it. */
    @Override
    public String toString() {
        return kind + "/" + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
