package dev.rset.cli;

/** The one-line message a user sees for a failure. */
final class CliErrors {
    private CliErrors() {
    }

    static String message(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
