package dev.rset.core.api;

import java.util.Map;

/**
 * A {@code fluxcd.controlplane.io/v1} ResourceSet. {@code raw} keeps the manifest as written,
 * unknown fields included, so that it round-trips through the store unchanged.
 */
public record ResourceSet(ObjectMeta metadata, ResourceSetSpec spec, Map<String, Object> raw) {
    public static final String API_VERSION = "fluxcd.controlplane.io/v1";
    public static final String KIND = "ResourceSet";

    /** Reads and validates a decoded manifest; throws {@link InvalidObjectException} naming the field. */
    public static ResourceSet from(Map<String, Object> manifest) {
        Manifests.Named read = Manifests.read(manifest, API_VERSION, KIND);
        ObjectMeta meta = read.meta();
        Fields named = read.fields();
        return new ResourceSet(meta, ResourceSetSpec.read(named.objectOrEmpty("spec")), manifest);
    }

    public String name() {
        return metadata.name();
    }

    public String namespace() {
        return metadata.namespace();
    }

    public ResourceSet withSpec(ResourceSetSpec newSpec) {
        return new ResourceSet(metadata, newSpec, raw);
    }

    public ResourceSet withNamespace(String ns) {
        return new ResourceSet(metadata.withNamespace(ns), spec, raw);
    }

    public boolean isDisabled() {
        return Annotations.DISABLED.equalsIgnoreCase(metadata.annotation(Annotations.RECONCILE));
    }
}
