package dev.rset.core.template;

/**
 * The error a template function returns, as a Go function returns a non-nil {@code error}.
 * The message is Go's error text, without the {@code error calling NAME:} prefix.
 */
public class FunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FunctionException(String message) {
        super(message, null, false, false);
    }
}
