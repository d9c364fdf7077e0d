package dev.rset.cli.admin;

/** A mistake in how the command was called or in what the server answered, shown as one line. */
class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
