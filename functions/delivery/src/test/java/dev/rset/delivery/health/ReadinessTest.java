package dev.rset.delivery.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.delivery.ObjectRef;
import dev.rset.delivery.health.Verdict.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Workload rules on status shapes the kube-controller-manager writes; the test clusters run no
 * scheduler or kubelet, so these states cannot be reached there.
 */
class ReadinessTest {
    private static final ObjectRef DEPLOYMENT = new ObjectRef("apps", "v1", "Deployment", "apps", "web");
    private static final ObjectRef STATEFUL_SET = new ObjectRef("apps", "v1", "StatefulSet", "apps", "db");
    private static final ObjectRef DAEMON_SET = new ObjectRef("apps", "v1", "DaemonSet", "apps", "agent");

    private static Map<String, Object> workload(long generation, long replicas, Map<String, Object> status) {
        return Map.of("metadata", Map.of("generation", generation), "spec", Map.of("replicas", replicas), "status", status);
    }

    @Test
    void aDeploymentIsCurrentWhenAllReplicasAreUpdatedReadyAndAvailableAtItsGeneration() {
        Map<String, Object> rolledOut = Map.of("observedGeneration", 2, "updatedReplicas", 3, "readyReplicas", 3, "availableReplicas", 3);
        assertEquals(Verdict.CURRENT, Readiness.of(DEPLOYMENT, workload(2, 3, rolledOut)));

        assertEquals(new Verdict(State.IN_PROGRESS, "status.observedGeneration 1 is behind generation 2"),
                Readiness.of(DEPLOYMENT, workload(2, 3, Map.of("observedGeneration", 1, "updatedReplicas", 3))));
        assertEquals(new Verdict(State.IN_PROGRESS, "availableReplicas: 2/3"), Readiness.of(DEPLOYMENT, workload(2, 3,
                Map.of("observedGeneration", 2, "updatedReplicas", 3, "readyReplicas", 3, "availableReplicas", 2))));
    }

    @Test
    void aDeploymentPastItsProgressDeadlineHasFailed() {
        Map<String, Object> stuck = Map.of("observedGeneration", 1, "conditions", List.of(Map.of("type", "Progressing",
                "status", "False", "reason", "ProgressDeadlineExceeded", "message", "ReplicaSet \"web-1\" has timed out progressing.")));
        assertEquals(new Verdict(State.FAILED,
                        "Progressing=False: ProgressDeadlineExceeded: ReplicaSet \"web-1\" has timed out progressing."),
                Readiness.of(DEPLOYMENT, workload(1, 1, stuck)));
    }

    @Test
    void aStatefulSetWaitsForItsUpdateRevision() {
        Map<String, Object> counts = Map.of("observedGeneration", 1, "updatedReplicas", 2, "readyReplicas", 2, "availableReplicas", 2);
        Map<String, Object> rolling = new java.util.HashMap<>(counts);
        rolling.putAll(Map.of("currentRevision", "db-1", "updateRevision", "db-2"));
        assertEquals(new Verdict(State.IN_PROGRESS, "revision db-2 is rolling out"), Readiness.of(STATEFUL_SET, workload(1, 2, rolling)));
        rolling.put("currentRevision", "db-2");
        assertEquals(Verdict.CURRENT, Readiness.of(STATEFUL_SET, workload(1, 2, rolling)));
    }

    @Test
    void aDaemonSetIsCurrentWhenEveryScheduledPodIsUpdatedAndAvailable() {
        Map<String, Object> status = Map.of("observedGeneration", 1, "desiredNumberScheduled", 2,
                "updatedNumberScheduled", 2, "numberReady", 2, "numberAvailable", 1);
        assertEquals(new Verdict(State.IN_PROGRESS, "numberAvailable: 1/2"),
                Readiness.of(DAEMON_SET, Map.of("metadata", Map.of("generation", 1), "status", status)));
        assertEquals(State.IN_PROGRESS, Readiness.of(DAEMON_SET, Map.of("metadata", Map.of("generation", 1))).state());
    }

    @Test
    void aReplicaCountOfZeroIsCurrentWithoutPods() {
        assertEquals(Verdict.CURRENT, Readiness.of(DEPLOYMENT, workload(1, 0, Map.of("observedGeneration", 1))));
    }
}
