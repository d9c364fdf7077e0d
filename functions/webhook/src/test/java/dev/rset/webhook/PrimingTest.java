package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.forge.event.ChangeRequestEvent;
import java.time.Instant;
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
}
