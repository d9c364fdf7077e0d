package dev.rset.dispatcher;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.Placement;
import dev.rset.core.api.ResourceSet;
import dev.rset.store.DefinitionStore;
import dev.rset.store.InventoryStore;
import dev.rset.store.ObjectKey;
import dev.rset.store.StoredObject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The clusters a ResourceSet's runs go to: those its placement selects among the registered
 * Clusters, plus those still holding an inventory of it, so that a cluster it left (placement
 * changed, Cluster relabelled, ResourceSet deleted) gets its objects pruned.
 */
public final class Placements {
    private static final System.Logger LOG = System.getLogger(Placements.class.getName());

    private final DefinitionStore definitions;
    private final InventoryStore inventories;

    public Placements(DefinitionStore definitions, InventoryStore inventories) {
        this.definitions = definitions;
        this.inventories = inventories;
    }

    /** Sorted by name, each once. */
    public List<String> clusters(ObjectKey resourceSet) {
        TreeSet<String> out = new TreeSet<>(inventories.clusters(resourceSet));
        Optional<StoredObject> rs = definitions.get(resourceSet);
        if (rs.isPresent()) {
            Map<String, Map<String, String>> registered = dev.rset.store.Placements.clusterLabels(definitions);
            try {
                out.addAll(Placement.targets(ResourceSet.from(rs.get().manifest()), registered));
            } catch (InvalidObjectException e) {
                // Admission refuses such a placement; the run of the pair without a cluster reports it.
                LOG.log(Level.WARNING, "{0}: placement unreadable: {1}", resourceSet, e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
