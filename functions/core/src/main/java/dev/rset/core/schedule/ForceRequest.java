package dev.rset.core.schedule;

import dev.rset.core.api.Annotations;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * A one-off run outside the delivery window: asked for by setting
 * {@code reconcile.fluxcd.io/requestedAt} and {@code reconcile.fluxcd.io/forceAt} to the same value
 * ({@code rset reconcile --force} and {@code flux-operator reconcile --force} write the current
 * time to both). It is handled once: a request is pending only while no run has happened since
 * the time it names. The control plane keeps no per-object "last handled" token, so the value is
 * read as a time; a value that is not an RFC 3339 time counts as handled once the object has run.
 */
public final class ForceRequest {
    private ForceRequest() {
    }

    /** Whether the annotations ask for a forced run that no run at or after {@code lastRun} served. */
    public static boolean pending(Map<String, String> annotations, Optional<Instant> lastRun) {
        String requested = annotations.get(Annotations.REQUESTED_AT);
        String force = annotations.get(Annotations.FORCE_AT);
        if (requested == null || requested.isEmpty() || !requested.equals(force)) {
            return false;
        }
        if (lastRun.isEmpty()) {
            return true;
        }
        try {
            return OffsetDateTime.parse(force).toInstant().isAfter(lastRun.get());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
