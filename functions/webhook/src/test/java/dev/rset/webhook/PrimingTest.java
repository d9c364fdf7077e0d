package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.forge.event.ChangeRequestEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimingTest {
    @Test
    void theSampleDeliveryPassesEveryIoFreeStepOfTheHotPath() {
        // A refusal anywhere (media type, signature, parsing, limits) throws: priming would then
        // fail the SnapStart init instead of silently priming nothing.
        ChangeRequestEvent cr = Priming.run(Instant.parse("2026-11-27T10:00:00Z"));

        assertEquals(1, cr.number());
        assertEquals("https://github.com/priming/priming", cr.repositoryUrl());
    }

    @Test
    void runsOnlyWhenLambdaInitialisesForASnapshot() {
        assertTrue(Priming.wanted(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")));
        assertFalse(Priming.wanted(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")));
        assertFalse(Priming.wanted(Map.of()));
    }
}
