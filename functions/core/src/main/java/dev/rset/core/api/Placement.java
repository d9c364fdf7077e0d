package dev.rset.core.api;

import java.util.List;
import java.util.Map;

/**
 * Which registered clusters a ResourceSet is delivered to. The annotation
 * {@value #CLUSTERS_ANNOTATION} holds a label selector in kubectl syntax
 * ({@code env=prod,region in (eu-west-1,eu-central-1)}); without it the ResourceSet goes to the
 * cluster named {@value Cluster#DEFAULT_NAME}.
 */
public final class Placement {
    public static final String CLUSTERS_ANNOTATION = "rset.dev/clusters";

    private Placement() {
    }

    /** The selector of the annotation, or null when absent; throws naming the annotation when invalid. */
    public static LabelSelector selector(ObjectMeta meta, String object) {
        String text = meta.annotation(CLUSTERS_ANNOTATION);
        if (text == null) {
            return null;
        }
        String field = "metadata.annotations[" + CLUSTERS_ANNOTATION + "]";
        if (text.isBlank()) {
            throw new InvalidObjectException(object + ": " + field + ": must be a non-empty label selector");
        }
        try {
            return LabelSelector.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidObjectException(object + ": " + field + ": " + e.getMessage());
        }
    }

    /**
     * The target clusters, in the order given. {@code clusterLabels} maps each registered
     * cluster's name to its labels.
     */
    public static List<String> targets(ResourceSet rs, Map<String, Map<String, String>> clusterLabels) {
        LabelSelector sel = selector(rs.metadata(), "ResourceSet " + rs.namespace() + "/" + rs.name());
        if (sel == null) {
            return clusterLabels.containsKey(Cluster.DEFAULT_NAME) ? List.of(Cluster.DEFAULT_NAME) : List.of();
        }
        return clusterLabels.entrySet().stream().filter(e -> sel.matches(e.getValue())).map(Map.Entry::getKey)
                .toList();
    }
}
