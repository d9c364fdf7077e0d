package dev.rset.events;

/** Events that the bus still refused after the retries. */
public class PublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PublishException(String message) {
        super(message);
    }
}
