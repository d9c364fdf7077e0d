package dev.rset.core.yaml;

/**
 * An error from Go's encoding/json, carrying Go's message text (for example
 * {@code invalid character 'x' looking for beginning of value} or
 * {@code json: unsupported value: NaN}). Unchecked because marshalling only fails for values
 * that templates rarely produce (NaN, infinities), while callers must still be able to report it.
 */
public class GoJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GoJsonException(String message) {
        super(message);
    }
}
