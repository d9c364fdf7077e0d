package dev.rset.reconciler.inputs;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ProviderType;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.inputs.InputResolver;
import dev.rset.store.DefinitionStore;
import dev.rset.store.InputStore;
import dev.rset.store.Kind;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.StoredObject;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ResourceSet's input sets as a run sees them: its inline inputs and those of the providers it
 * selects, combined by the core resolver. A Static provider exports its default values (with the
 * id of its uid) straight from its definition; every other provider's inputs come from the
 * input store, where webhooks and polls put them.
 */
public final class ResourceSetInputs {
    private static final System.Logger LOG = System.getLogger(ResourceSetInputs.class.getName());

    private final DefinitionStore definitions;
    private final InputStore inputs;

    public ResourceSetInputs(DefinitionStore definitions, InputStore inputs) {
        this.definitions = definitions;
        this.inputs = inputs;
    }

    /** Throws the core's {@code InputsException} when a named provider is missing or inputs cannot be combined. */
    public List<Map<String, Object>> of(ResourceSet rset) {
        if (rset.spec().inputsFrom().isEmpty()) {
            return InputResolver.combine(rset, List.of(), Map.of());
        }
        List<ResourceSetInputProvider> candidates = new ArrayList<>();
        for (StoredObject o : definitions.list(Kind.RESOURCE_SET_INPUT_PROVIDER, rset.namespace())) {
            try {
                candidates.add(ResourceSetInputProvider.from(o.manifest()));
            } catch (InvalidObjectException e) {
                LOG.log(Level.WARNING, "skipping invalid ResourceSetInputProvider: {0}", e.getMessage());
            }
        }
        List<ResourceSetInputProvider> selected = InputResolver.select(rset, candidates);
        Map<String, List<Map<String, Object>>> exported = new LinkedHashMap<>();
        for (ResourceSetInputProvider p : selected) {
            exported.put(p.name(), exported(p));
        }
        return InputResolver.combine(rset, selected, exported);
    }

    private List<Map<String, Object>> exported(ResourceSetInputProvider p) {
        if (p.spec().type() == ProviderType.STATIC) {
            String uid = p.metadata().uid();
            return List.of(InputResolver.staticInputs(p, uid.isEmpty() ? p.name() : uid));
        }
        return inputs.list(new ProviderId(p.namespace(), p.name())).stream().map(StoredInput::values).toList();
    }
}
