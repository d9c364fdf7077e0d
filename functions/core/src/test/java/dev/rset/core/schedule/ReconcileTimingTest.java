package dev.rset.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.api.Annotations;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcileTimingTest {
    @Test
    void defaultsAreTheFluxOperatorsPerKind() {
        assertEquals(new ReconcileTiming(Duration.ofHours(1), Duration.ofMinutes(5), false),
                ReconcileTiming.forResourceSet(Map.of()));
        assertEquals(new ReconcileTiming(Duration.ofMinutes(10), Duration.ofMinutes(2), false),
                ReconcileTiming.forInputProvider(Map.of()));
    }

    @Test
    void annotationsAreGoDurationsAndAnUnreadableOneKeepsTheDefault() {
        assertEquals(new ReconcileTiming(Duration.ofMinutes(90), Duration.ofSeconds(30), false),
                ReconcileTiming.forInputProvider(Map.of(Annotations.RECONCILE_EVERY, "1h30m",
                        Annotations.RECONCILE_TIMEOUT, "30s")));
        assertEquals(new ReconcileTiming(Duration.ofHours(1), Duration.ofMinutes(5), false),
                ReconcileTiming.forResourceSet(Map.of(Annotations.RECONCILE_EVERY, "1d",
                        Annotations.RECONCILE_TIMEOUT, "soon")));
        ReconcileTiming disabled = ReconcileTiming.forResourceSet(Map.of(Annotations.RECONCILE, "Disabled"));
        assertTrue(disabled.disabled());
        assertEquals(Duration.ZERO, disabled.interval());
    }

    @Test
    void aForceRequestNeedsBothAnnotationsEqualAndIsHandledOnce() {
        String t = "2026-11-27T10:00:00Z";
        Map<String, String> forced = Map.of(Annotations.REQUESTED_AT, t, Annotations.FORCE_AT, t);
        assertTrue(ForceRequest.pending(forced, Optional.empty()));
        assertTrue(ForceRequest.pending(forced, Optional.of(Instant.parse("2026-11-27T09:00:00Z"))));
        assertFalse(ForceRequest.pending(forced, Optional.of(Instant.parse("2026-11-27T10:00:05Z"))),
                "a run after the request served it");
        assertFalse(ForceRequest.pending(Map.of(Annotations.REQUESTED_AT, t), Optional.empty()));
        assertFalse(ForceRequest.pending(Map.of(Annotations.REQUESTED_AT, t, Annotations.FORCE_AT,
                "2026-11-27T09:00:00Z"), Optional.empty()));
        Map<String, String> opaque = Map.of(Annotations.REQUESTED_AT, "now", Annotations.FORCE_AT, "now");
        assertTrue(ForceRequest.pending(opaque, Optional.empty()));
        assertFalse(ForceRequest.pending(opaque, Optional.of(Instant.parse("2026-11-27T09:00:00Z"))));
    }
}
