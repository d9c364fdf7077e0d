package dev.rset.core.yaml;

import java.util.List;

/** The documents of a manifest file, read as Kubernetes reads them, and the warnings for its author. */
public record Manifest(List<Object> documents, List<YamlWarning> warnings) {
    public Manifest {
        documents = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(documents));
        warnings = List.copyOf(warnings);
    }
}
