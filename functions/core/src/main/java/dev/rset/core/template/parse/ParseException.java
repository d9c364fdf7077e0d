package dev.rset.core.template.parse;

/** A template that does not parse; the message is Go's error text. */
public final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ParseException(String message) {
        super(message, null, false, false);
    }
}
