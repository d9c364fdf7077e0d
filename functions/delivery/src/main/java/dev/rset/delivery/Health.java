package dev.rset.delivery;

import java.util.List;

/** The kstatus-style verdict on a set of objects after waiting. */
public record Health(List<Failure> failures) {
    public Health {
        failures = List.copyOf(failures);
    }

    public static final Health HEALTHY = new Health(List.of());

    public boolean healthy() {
        return failures.isEmpty();
    }

    /** One object that is not ready, and why (its condition's message, or "timeout"). */
    public record Failure(ObjectRef object, String status, String message) {
    }
}
