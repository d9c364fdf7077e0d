package dev.rset.core.yaml;

/**
 * An error from sigs.k8s.io/yaml with Go's message text, e.g.
 * {@code error converting YAML to JSON: yaml: line 3: did not find expected key}. Unchecked so
 * that {@code toYaml}-style callers can treat it like the Go {@code error} return it stands for.
 */
public class GoYamlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GoYamlException(String message) {
        super(message);
    }
}
