package dev.rset.scheduler.poll;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What a poll found: the exported inputs by id, or why there are none to trust. */
public sealed interface PollResult {
    /** The provider's exported inputs, id to input set (each with its {@code id} field). */
    record Listed(Map<String, Map<String, Object>> inputs) implements PollResult {
        public Listed {
            inputs = Map.copyOf(inputs);
        }
    }

    /**
     * The forge could not be read ({@code reason}: a {@code Ready=False} reason such as
     * {@code RateLimited} or {@code Unauthorized}); the last exported inputs stay. {@code retryAt}:
     * not before then (a rate limit's reset), when the forge said so.
     */
    record Failed(String reason, String message, Optional<Instant> retryAt) implements PollResult {
    }
}
