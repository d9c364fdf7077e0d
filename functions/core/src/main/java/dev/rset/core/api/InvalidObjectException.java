package dev.rset.core.api;

/** A manifest that does not describe a valid object; the message names the object and field. */
public class InvalidObjectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidObjectException(String message) {
        super(message);
    }
}
