package dev.rset.store;

/** A definition's identity; {@code namespace} is empty for cluster-scoped kinds (Cluster). */
public record ObjectKey(Kind kind, String namespace, String name) {
    public ObjectKey {
        if (kind.namespaced()) {
            Keys.requireSafe("namespace", namespace);
        } else if (!namespace.isEmpty()) {
            throw new IllegalArgumentException(kind.kind() + " is cluster-scoped: namespace must be empty");
        }
        Keys.requireSafe("name", name);
    }

    @Override
    public String toString() {
        return kind.kind() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
