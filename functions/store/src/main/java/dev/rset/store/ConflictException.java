package dev.rset.store;

/** A conditional write lost a race or found an unexpected version: nothing was written. */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
