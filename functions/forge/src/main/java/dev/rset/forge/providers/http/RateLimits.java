package dev.rset.forge.providers.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads when a rate-limited client may try again from the headers forges send: {@code Retry-After}
 * (seconds or an HTTP date; GitHub secondary limits, Gitea, Azure DevOps, registries),
 * {@code X-RateLimit-Reset} (GitHub, epoch seconds) and {@code RateLimit-Reset} (GitLab, epoch
 * seconds). A 403 is a rate limit only when it says so; otherwise it is a permission error.
 */
final class RateLimits {
    /** Used when a 429 names no time: long enough not to hammer, short enough to recover soon. */
    static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(1);

    private RateLimits() {
    }

    static boolean isRateLimited(int status, HttpHeaders h) {
        if (status == 429) {
            return true;
        }
        return status == 403 && (h.firstValue("Retry-After").isPresent()
                || h.firstValue("X-RateLimit-Remaining").map(String::trim).filter("0"::equals).isPresent()
                || h.firstValue("RateLimit-Remaining").map(String::trim).filter("0"::equals).isPresent());
    }

    static Instant retryAt(HttpHeaders h, Instant now) {
        String retryAfter = h.firstValue("Retry-After").orElse("").trim();
        if (!retryAfter.isEmpty()) {
            if (retryAfter.chars().allMatch(Character::isDigit)) {
                return now.plusSeconds(Long.parseLong(retryAfter.length() > 9 ? "999999999" : retryAfter));
            }
            try {
                return ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException ignored) {
                // fall through to the reset headers
            }
        }
        for (String reset : new String[] {"X-RateLimit-Reset", "RateLimit-Reset"}) {
            String v = h.firstValue(reset).orElse("").trim();
            if (!v.isEmpty() && v.length() <= 12 && v.chars().allMatch(Character::isDigit)) {
                Instant at = Instant.ofEpochSecond(Long.parseLong(v));
                return at.isAfter(now) ? at : now;
            }
        }
        return now.plus(DEFAULT_BACKOFF);
    }
}
