package dev.rset.store;

/** The checks every {@link InputStore} makes of its arguments before it touches its backend. */
public final class InputArguments {
    private InputArguments() {
    }

    public static void requireId(String inputId) {
        if (inputId == null || inputId.isEmpty()) {
            throw new IllegalArgumentException("input id must not be empty");
        }
    }

    public static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }
}
