package dev.rset.api.http;

/**
 * An error the client caused or should know about, answered as a Kubernetes {@code Status}:
 * {@code reason} is the Kubernetes StatusReason ({@code Invalid}, {@code NotFound}, …).
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String reason;

    public ApiException(int code, String reason, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public static ApiException invalid(String message) {
        return new ApiException(400, "Invalid", message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NotFound", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "Conflict", message);
    }
}
