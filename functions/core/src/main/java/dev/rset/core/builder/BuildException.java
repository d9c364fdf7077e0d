package dev.rset.core.builder;

/**
 * A ResourceSet that cannot be built: a template that does not parse or execute, a render
 * result that is not YAML, a resource in two steps. The message follows the Flux Operator's.
 */
public class BuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BuildException(String message) {
        super(message);
    }
}
