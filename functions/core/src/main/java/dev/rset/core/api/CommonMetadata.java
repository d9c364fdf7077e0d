package dev.rset.core.api;

import java.util.Map;

/** Labels and annotations merged into every object a ResourceSet generates. */
public record CommonMetadata(Map<String, String> labels, Map<String, String> annotations) {
    public static final CommonMetadata EMPTY = new CommonMetadata(Map.of(), Map.of());

    public CommonMetadata {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    static CommonMetadata read(Fields spec) {
        Fields f = spec.object("commonMetadata");
        if (f == null) {
            return EMPTY;
        }
        return new CommonMetadata(f.stringMap("labels"), f.stringMap("annotations"));
    }
}
