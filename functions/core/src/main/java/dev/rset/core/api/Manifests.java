package dev.rset.core.api;

import java.util.Map;

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

    /** A manifest's metadata and a reader whose errors name the object, e.g. {@code ResourceSet apps/app1}. */
    record Named(ObjectMeta meta, Fields fields) {
    }

    /** Checks apiVersion, kind and that metadata.name is set. */
    static Named read(Map<String, Object> manifest, String apiVersion, String kind) {
        Fields top = Fields.of(kind, manifest);
        checkType(top, apiVersion, kind);
        ObjectMeta meta = ObjectMeta.read(top);
        Fields named = Fields.of(kind + " " + displayName(meta), manifest);
        if (meta.name().isEmpty()) {
            throw named.error("metadata.name", "required field is missing");
        }
        return new Named(meta, named);
    }

    static String displayName(ObjectMeta meta) {
        return meta.namespace().isEmpty() ? meta.name() : meta.namespace() + "/" + meta.name();
    }
}
