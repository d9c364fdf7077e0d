package dev.rset.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapStartTest {
    @Test
    void onlyAnInitForASnapshotIsOne() {
        assertTrue(SnapStart.initialisingSnapshot(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")));
        assertFalse(SnapStart.initialisingSnapshot(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")));
        assertFalse(SnapStart.initialisingSnapshot(Map.of()));
    }
}
