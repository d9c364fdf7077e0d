package dev.rset.core.api;

import java.util.List;
import java.util.Map;

/**
 * A {@code fluxcd.controlplane.io/v1} ResourceSetInputProvider: a source of input sets (a
 * static map, or pull requests, branches, tags… of a forge) with its exported inputs.
 */
public record ResourceSetInputProvider(ObjectMeta metadata, ProviderSpec spec,
        List<Map<String, Object>> exportedInputs, Map<String, Object> raw) {
    public static final String KIND = "ResourceSetInputProvider";

    public ResourceSetInputProvider {
        exportedInputs = List.copyOf(exportedInputs);
    }

    public static ResourceSetInputProvider from(Map<String, Object> manifest) {
        Manifests.Named read = Manifests.read(manifest, ResourceSet.API_VERSION, KIND);
        ObjectMeta meta = read.meta();
        Fields named = read.fields();
        ProviderSpec spec = ProviderSpec.read(named.objectOrEmpty("spec"));
        List<Map<String, Object>> exported = named.objectOrEmpty("status").mapList("exportedInputs");
        return new ResourceSetInputProvider(meta, spec, exported, manifest);
    }

    public String name() {
        return metadata.name();
    }

    public String namespace() {
        return metadata.namespace();
    }
}
