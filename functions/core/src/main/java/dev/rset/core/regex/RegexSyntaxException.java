package dev.rset.core.regex;

/** A pattern Go's {@code regexp.Compile} rejects; the message is Go's error text. */
public final class RegexSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    RegexSyntaxException(String goMessage) {
        super(goMessage);
    }
}
