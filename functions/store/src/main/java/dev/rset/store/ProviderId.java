package dev.rset.store;

/** A ResourceSetInputProvider by namespace and name: the owner of a set of exported inputs. */
public record ProviderId(String namespace, String name) {
    public ProviderId {
        Keys.requireSafe("namespace", namespace);
        Keys.requireSafe("name", name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
