package dev.rset.core.yaml;

/**
 * YAML as sigs.k8s.io/yaml reads and writes it (go-yaml v2 underneath): the serialisation used
 * by {@code toYaml} and by the per-resource template rendering, and the YAML 1.1 reading of
 * rendered text.
 */
public final class GoYaml {
    private GoYaml() {
    }

    /** {@code sigs.k8s.io/yaml.Marshal(v)}: JSON-marshal, then emit as YAML with sorted keys. */
    public static String marshal(Object v) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
