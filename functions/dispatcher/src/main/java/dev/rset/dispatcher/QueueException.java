package dev.rset.dispatcher;

/** Requests the queue still refused after the retries; the event is dispatched again. */
public class QueueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueException(String message) {
        super(message);
    }
}
