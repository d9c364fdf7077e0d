package dev.rset.store;

/** An object that does not fit in one stored item even compressed: nothing was written. */
public class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TooLargeException(String message) {
        super(message);
    }
}
