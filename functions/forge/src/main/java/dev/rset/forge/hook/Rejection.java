package dev.rset.forge.hook;

/**
 * A delivery refused before any side effect, with the HTTP status and a reason meant for the
 * sender. Reasons never quote secrets or payload content.
 */
public class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public Rejection(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return getMessage();
    }

    public static Rejection unauthorized(String reason) {
        return new Rejection(401, reason);
    }

    public static Rejection badRequest(String reason) {
        return new Rejection(400, reason);
    }
}
