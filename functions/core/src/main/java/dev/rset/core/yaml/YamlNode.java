package dev.rset.core.yaml;

import java.util.List;

/** go-yaml v2's parse tree for one document, built from parser events before decoding. */
sealed interface YamlNode {
    /**
     * A scalar; {@code tag} is "" when untagged, {@code implicit} true for an untagged plain scalar;
     * {@code line} counts from 0 within the document, for warnings.
     */
    record Scalar(String value, String tag, boolean implicit, int line) implements YamlNode {
    }

    /** A sequence; children are added while parsing, so an alias inside may refer to it. */
    record Sequence(List<YamlNode> items) implements YamlNode {
    }

    /** A mapping as alternating keys and values, in document order. */
    record Mapping(List<YamlNode> keysAndValues) implements YamlNode {
    }

    /** An alias and the anchored node it names. */
    record Alias(String name, YamlNode target) implements YamlNode {
    }
}
