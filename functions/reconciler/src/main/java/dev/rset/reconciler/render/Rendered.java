package dev.rset.reconciler.render;

import dev.rset.core.builder.BuildResult;

/** What rendering a ResourceSet with its inputs gave: the objects and their digest, or the build error. */
public sealed interface Rendered {
    record Built(BuildResult result, String digest) implements Rendered {
    }

    /** The Flux Operator's wording of the template or YAML error. */
    record Failed(String message) implements Rendered {
    }
}
