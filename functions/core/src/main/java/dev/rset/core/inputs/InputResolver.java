package dev.rset.core.inputs;

import dev.rset.core.api.InputProviderReference;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetInputProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a ResourceSet's input providers and combines its inline inputs with theirs:
 * providers named in {@code spec.inputsFrom} or matching a selector there, in the ResourceSet's
 * namespace, ordered after the ResourceSet by {@link ProviderRef#ORDER}.
 */
public final class InputResolver {
    private InputResolver() {
    }

    /** The providers {@code rset} reads from among {@code candidates}; a named one that is missing is an error. */
    public static List<ResourceSetInputProvider> select(ResourceSet rset,
            Collection<ResourceSetInputProvider> candidates) {
        Map<String, ResourceSetInputProvider> chosen = new LinkedHashMap<>();
        for (InputProviderReference ref : rset.spec().inputsFrom()) {
            boolean found = false;
            for (ResourceSetInputProvider p : candidates) {
                if (!p.namespace().equals(rset.namespace())) {
                    continue;
                }
                boolean matches = ref.name().isEmpty()
                        ? ref.selector().matches(p.metadata().labels())
                        : ref.name().equals(p.name());
                if (matches) {
                    chosen.putIfAbsent(p.name(), p);
                    found = true;
                }
            }
            if (!found && !ref.name().isEmpty()) {
                throw new InputsException("failed to get inputs from " + ref.kind() + "/" + ref.name()
                        + ": ResourceSetInputProvider " + rset.namespace() + "/" + ref.name() + " not found");
            }
        }
        return new ArrayList<>(chosen.values());
    }

    /** Whether {@code rset} reads {@code provider}'s inputs: same namespace, named or selected by {@code spec.inputsFrom}. */
    public static boolean reads(ResourceSet rset, ResourceSetInputProvider provider) {
        if (!rset.namespace().equals(provider.namespace())) {
            return false;
        }
        for (InputProviderReference ref : rset.spec().inputsFrom()) {
            boolean matches = ref.name().isEmpty()
                    ? ref.selector().matches(provider.metadata().labels())
                    : ref.name().equals(provider.name());
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /**
     * The combined input sets of {@code rset}: its inline inputs first, then each provider's
     * {@code exported} inputs (keyed by provider name).
     */
    public static List<Map<String, Object>> combine(ResourceSet rset, List<ResourceSetInputProvider> providers,
            Map<String, List<Map<String, Object>>> exported) {
        List<InputSource> sources = new ArrayList<>();
        sources.add(new InputSource(refOf(rset), rset.spec().inputs()));
        List<InputSource> fromProviders = new ArrayList<>();
        for (ResourceSetInputProvider p : providers) {
            fromProviders.add(new InputSource(refOf(p), exported.getOrDefault(p.name(), List.of())));
        }
        fromProviders.sort((a, b) -> ProviderRef.ORDER.compare(a.ref(), b.ref()));
        sources.addAll(fromProviders);
        return InputCombiner.combine(rset.spec().inputStrategy(), rset.spec().includeEmptyProviders(), sources);
    }

    public static ProviderRef refOf(ResourceSet rset) {
        return new ProviderRef(ResourceSet.API_VERSION, ResourceSet.KIND, rset.name(), rset.namespace());
    }

    public static ProviderRef refOf(ResourceSetInputProvider p) {
        return new ProviderRef(ResourceSet.API_VERSION, ResourceSetInputProvider.KIND, p.name(), p.namespace());
    }

    /** What a Static provider exports: its default values plus {@code id}. */
    public static Map<String, Object> staticInputs(ResourceSetInputProvider p, String idSource) {
        Map<String, Object> set = new LinkedHashMap<>(p.spec().defaultValues());
        set.put("id", InputIds.of(idSource));
        return set;
    }
}
