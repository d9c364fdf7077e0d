package dev.rset.forge.providers.http;

import java.time.Instant;

/**
 * A request to a forge or registry that did not give a usable answer. The message names the
 * service, method and URL (never a credential: those travel in headers only).
 *
 * @param retryAt when a rate-limited request may be sent again; null for other kinds
 */
public final class HttpFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the terms a caller reacts to. */
    public enum Kind { UNAUTHORIZED, FORBIDDEN, NOT_FOUND, RATE_LIMITED, SERVER_ERROR, TIMEOUT, FAILED }

    private final Kind kind;
    private final int status;
    private final transient Instant retryAt;
    /** The {@code WWW-Authenticate} header of a 401, for registries' token flow. */
    String challenge = "";

    public HttpFailure(Kind kind, int status, Instant retryAt, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
        this.retryAt = retryAt;
    }

    /** A failure that is not about HTTP status: a malformed answer, a misconfiguration. */
    public static HttpFailure failed(String message) {
        return new HttpFailure(Kind.FAILED, 0, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int status() {
        return status;
    }

    public Instant retryAt() {
        return retryAt;
    }

    public String challenge() {
        return challenge;
    }
}
