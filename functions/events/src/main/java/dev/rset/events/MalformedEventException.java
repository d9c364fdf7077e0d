package dev.rset.events;

/** An event that does not have the shape this code publishes; retrying it cannot help. */
public class MalformedEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message) {
        super(message);
    }
}
