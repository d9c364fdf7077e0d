package dev.rset.cli;

/** A failure caused by the command's input, reported without a stack trace. */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
