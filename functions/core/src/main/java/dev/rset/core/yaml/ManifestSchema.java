package dev.rset.core.yaml;

import java.util.Map;

/** Chooses the string fields of a manifest by its kind (see {@link StringTargets}). */
@FunctionalInterface
public interface ManifestSchema {
    ManifestSchema NONE = object -> StringTargets.NONE;

    /** The string fields of {@code object}, a decoded document with string keys. */
    StringTargets targets(Map<String, Object> object);
}
