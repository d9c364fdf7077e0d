package dev.rset.core.api;

/** Checks shared by every kind this control plane reads. */
final class Manifests {
    private Manifests() {
    }

    static void checkType(Fields top, String apiVersion, String kind) {
        String av = top.string("apiVersion");
        String k = top.string("kind");
        if (!kind.equals(k)) {
            throw top.error("kind", "expected \"" + kind + "\", got \"" + k + "\"");
        }
        if (!apiVersion.equals(av)) {
            throw top.error("apiVersion", "expected \"" + apiVersion + "\", got \"" + av + "\"");
        }
    }

    static String displayName(ObjectMeta meta) {
        return meta.namespace().isEmpty() ? meta.name() : meta.namespace() + "/" + meta.name();
    }
}
