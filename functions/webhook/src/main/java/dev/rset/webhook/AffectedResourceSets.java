package dev.rset.webhook;

import dev.rset.core.api.InputProviderReference;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetInputProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ResourceSets that read a provider's inputs: those whose {@code spec.inputsFrom} names or selects it. */
final class AffectedResourceSets {
    private AffectedResourceSets() {
    }

    /** ResourceSet name → the changed providers it reads, among {@code rsets}. */
    static Map<String, List<String>> of(List<ResourceSet> rsets, List<ResourceSetInputProvider> changed) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ResourceSet rset : rsets) {
            List<String> reads = new ArrayList<>();
            for (ResourceSetInputProvider p : changed) {
                if (reads(rset, p)) {
                    reads.add(p.name());
                }
            }
            if (!reads.isEmpty()) {
                out.put(rset.name(), reads);
            }
        }
        return out;
    }

    private static boolean reads(ResourceSet rset, ResourceSetInputProvider p) {
        if (!rset.namespace().equals(p.namespace())) {
            return false;
        }
        for (InputProviderReference ref : rset.spec().inputsFrom()) {
            boolean match = ref.name().isEmpty()
                    ? ref.selector() != null && ref.selector().matches(p.metadata().labels())
                    : ref.name().equals(p.name());
            if (match) {
                return true;
            }
        }
        return false;
    }
}
