package dev.rset.store;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.Placement;
import dev.rset.core.api.ResourceSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where ResourceSets go, worked out from the registered clusters in the definition store. */
public final class Placements {
    private Placements() {
    }

    /** Each registered cluster's name and labels, by name. */
    public static Map<String, Map<String, String>> clusterLabels(DefinitionStore definitions) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        definitions.list(Kind.CLUSTER, "").forEach(c -> out.put(c.key().name(), c.labels()));
        return out;
    }

    /**
     * The clusters {@code rset} is placed on among {@code clusterLabels}; none when its placement
     * annotation is invalid (the API refuses such a ResourceSet, so only an old item can have one).
     */
    public static List<String> targets(ResourceSet rset, Map<String, Map<String, String>> clusterLabels) {
        try {
            return Placement.targets(rset, clusterLabels);
        } catch (InvalidObjectException e) {
            return List.of();
        }
    }
}
