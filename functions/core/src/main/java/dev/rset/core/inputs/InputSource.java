package dev.rset.core.inputs;

import java.util.List;
import java.util.Map;

/** The input sets one source (the ResourceSet itself or a provider) contributes, with its identity. */
public record InputSource(ProviderRef ref, List<Map<String, Object>> inputs) {
    public InputSource {
        inputs = List.copyOf(inputs);
    }
}
