package dev.rset.store;

/** Checks on the strings that become parts of DynamoDB keys. */
final class Keys {
    private Keys() {
    }

    /**
     * Key parts are joined with {@code #}, so a part must not contain one; Kubernetes names never
     * do, and rejecting it here keeps one object from reading another's items.
     */
    static void requireSafe(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.indexOf('#') >= 0) {
            throw new IllegalArgumentException(what + " must not contain '#': " + value);
        }
    }
}
