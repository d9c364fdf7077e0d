package dev.rset.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverallStatusTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    static ClusterStatus pair(String cluster, String uid, String ready, String reason, String message, int minute) {
        ObjectStatus s = ObjectStatus.EMPTY.withObservedGeneration(3)
                .withCondition(new Condition(Condition.READY, ready, reason, message, T0.plusSeconds(60L * minute), 3));
        return ClusterStatus.initial(cluster, uid).withStatus(s);
    }

    static Condition ready(ObjectStatus s) {
        return s.condition(Condition.READY).orElseThrow();
    }

    @Test
    void readyOnlyWhenEveryPlacedClusterIsReady() {
        ObjectStatus s = OverallStatus.of("u1", List.of("a", "b"), List.of(
                pair("a", "u1", "True", Condition.REASON_SUCCEEDED, "Reconciliation finished in 2s", 1),
                pair("b", "u1", "True", Condition.REASON_SUCCEEDED, "Reconciliation finished in 3s", 2)), T0);
        assertEquals("True", ready(s).status());
        assertEquals("Reconciliation finished on 2 clusters", ready(s).message());
        assertEquals(T0.plusSeconds(120), ready(s).lastTransitionTime());
        assertTrue(s.condition(Condition.RECONCILING).isEmpty());
    }

    @Test
    void aFailingClusterIsNamedWithItsReasonAndMessage() {
        ObjectStatus s = OverallStatus.of("u1", List.of("a", "b"), List.of(
                pair("a", "u1", "True", Condition.REASON_SUCCEEDED, "Reconciliation finished in 2s", 1),
                pair("b", "u1", "False", Condition.REASON_FAILED,
                        "cluster b is unreachable: connect timed out", 2)), T0);
        assertEquals("False", ready(s).status());
        assertEquals(Condition.REASON_FAILED, ready(s).reason());
        assertEquals("cluster b: cluster b is unreachable: connect timed out", ready(s).message());
    }

    @Test
    void clustersNotYetReconciledOrWrittenForAnEarlierUidAreWaiting() {
        ObjectStatus s = OverallStatus.of("u2", List.of("a", "b", "c"), List.of(
                pair("a", "u2", "True", Condition.REASON_SUCCEEDED, "ok", 1),
                pair("b", "u1", "True", Condition.REASON_SUCCEEDED, "ok", 1)), T0);
        assertEquals("Unknown", ready(s).status());
        assertEquals(Condition.REASON_PROGRESSING, ready(s).reason());
        assertEquals("clusters b, c: waiting for the first reconciliation", ready(s).message());
        assertEquals("True", s.condition(Condition.RECONCILING).orElseThrow().status());
    }

    @Test
    void aClusterNoLongerPlacedDoesNotCountAndNoPlacementIsNotReady() {
        ObjectStatus s = OverallStatus.of("u1", List.of("a"), List.of(
                pair("a", "u1", "True", Condition.REASON_SUCCEEDED, "Reconciliation finished in 1s", 1),
                pair("old", "u1", "False", Condition.REASON_FAILED, "boom", 1)), T0);
        assertEquals("True", ready(s).status());
        assertEquals("Reconciliation finished in 1s", ready(s).message());
        ObjectStatus none = OverallStatus.of("u1", List.of(), List.of(), T0);
        assertEquals("False", ready(none).status());
        assertTrue(ready(none).message().contains("no registered cluster matches"));
    }

    @Test
    void stalledOnAnyClusterIsStalledOverall() {
        ClusterStatus stalled = pair("b", "u1", "False", Condition.REASON_BUILD_FAILED, "failed to build", 2);
        stalled = stalled.withStatus(stalled.status().withCondition(new Condition(Condition.STALLED, "True",
                Condition.REASON_BUILD_FAILED, "failed to build", T0, 3)));
        ObjectStatus s = OverallStatus.of("u1", List.of("a", "b"), List.of(
                pair("a", "u1", "True", Condition.REASON_SUCCEEDED, "ok", 1), stalled), T0);
        assertEquals(Condition.REASON_BUILD_FAILED, ready(s).reason());
        Condition st = s.condition(Condition.STALLED).orElseThrow();
        assertEquals("True", st.status());
        assertEquals("cluster b: failed to build", st.message());
    }
}
