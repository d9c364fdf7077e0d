package dev.rset.forge.providers;

import dev.rset.forge.providers.http.HttpFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a poll ended. Anything but {@link Inputs} means: set {@code Ready=False} with {@link #reason()}
 * and {@link #message()}, keep the last good exported inputs, and poll again later
 * ({@link RateLimited#retryAt()} says when for rate limits).
 */
public sealed interface PollResult {
    String reason();

    String message();

    /** The provider's exported inputs, filtered, ordered and limited. */
    record Inputs(List<Map<String, Object>> inputs) implements PollResult {
        public Inputs {
            inputs = List.copyOf(inputs);
        }

        public String reason() {
            return "ReconciliationSucceeded";
        }

        public String message() {
            return "exported " + inputs.size() + " input" + (inputs.size() == 1 ? "" : "s");
        }
    }

    /** 401: the token is missing, wrong or expired. */
    record Unauthorized(String message) implements PollResult {
        public String reason() {
            return "Unauthorized";
        }
    }

    /** 403 (not a rate limit): the token lacks a scope or access to the repository. */
    record Forbidden(String message) implements PollResult {
        public String reason() {
            return "Forbidden";
        }
    }

    /** 404: no such repository, project or registry repository (or not visible to the token). */
    record NotFound(String message) implements PollResult {
        public String reason() {
            return "NotFound";
        }
    }

    /** 429, or 403 with rate-limit headers: do not ask before {@code retryAt}. */
    record RateLimited(Instant retryAt, String message) implements PollResult {
        public String reason() {
            return "RateLimited";
        }
    }

    /** 5xx. */
    record ServerError(int status, String message) implements PollResult {
        public String reason() {
            return "ServerError";
        }
    }

    /** The reconcile timeout ran out before the listing was complete. */
    record TimedOut(String message) implements PollResult {
        public String reason() {
            return "Timeout";
        }
    }

    /** Anything else: unreachable server, malformed answer, invalid spec or secret, unsupported type. */
    record Failed(String message) implements PollResult {
        public String reason() {
            return "ReconciliationFailed";
        }
    }

    static PollResult of(HttpFailure f) {
        return switch (f.kind()) {
            case UNAUTHORIZED -> new Unauthorized(f.getMessage());
            case FORBIDDEN -> new Forbidden(f.getMessage());
            case NOT_FOUND -> new NotFound(f.getMessage());
            case RATE_LIMITED -> new RateLimited(f.retryAt(), f.getMessage());
            case SERVER_ERROR -> new ServerError(f.status(), f.getMessage());
            case TIMEOUT -> new TimedOut(f.getMessage());
            case FAILED -> new Failed(f.getMessage());
        };
    }
}
