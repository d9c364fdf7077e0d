package dev.rset.core.template;

/**
 * A template that fails to parse or to execute. {@link #getMessage()} is exactly the text of
 * Go's {@code err.Error()}, e.g. {@code template: resourceset:4: function "x" not defined} or
 * {@code template: resourceset:4:13: executing "resourceset" at <inputs>: map has no entry for key "semver"}.
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which step failed: the Flux Operator words them "failed to parse/execute template". */
    public enum Phase {
        PARSE,
        EXECUTE
    }

    private final Phase phase;

    public TemplateException(Phase phase, String message) {
        super(message, null, false, false);
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }
}
