package dev.rset.webhook;

import dev.rset.core.api.InputProviderReference;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Kind;
import dev.rset.store.StoredObject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ResourceSets that read a provider's inputs: those whose {@code spec.inputsFrom} names or selects it. */
final class AffectedResourceSets {
    private static final System.Logger LOG = System.getLogger(AffectedResourceSets.class.getName());

    private AffectedResourceSets() {
    }

    /** ResourceSet name → the changed providers it reads, in the namespace of the providers. */
    static Map<String, List<String>> of(DefinitionStore definitions, String namespace,
            List<ResourceSetInputProvider> changed) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (StoredObject o : definitions.list(Kind.RESOURCE_SET, namespace)) {
            ResourceSet rset;
            try {
                rset = ResourceSet.from(o.manifest());
            } catch (InvalidObjectException e) {
                LOG.log(Level.WARNING, "skipping invalid ResourceSet: {0}", e.getMessage());
                continue;
            }
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
