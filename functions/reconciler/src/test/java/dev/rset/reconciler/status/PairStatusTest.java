package dev.rset.reconciler.status;

import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;
import dev.rset.store.HistoryEntry;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.dynamodb.DynamoStatusStore;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class PairStatusTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static DynamoStatusStore statuses;

    @BeforeAll
    static void table(MotoServer moto) {
        DynamoDbClient db = TestTables.dynamo(moto);
        statuses = new DynamoStatusStore(db, TestTables.newTable(db, 1));
    }

    static Clock at(int second) {
        return Clock.fixed(T0.plusSeconds(second), ZoneOffset.UTC);
    }

    static RunReport success(String digest, List<String> changes) {
        return new RunReport("True", Condition.REASON_SUCCEEDED, "Reconciliation finished in 1s", false, digest, true,
                Duration.ofSeconds(1), 2, changes, Map.of("resources", "2"));
    }

    ClusterStatus stored(ObjectKey key, String cluster) {
        return statuses.clusters(key).stream().filter(c -> c.cluster().equals(cluster)).findFirst().orElseThrow();
    }

    @Test
    void twoRunsWithTheSameDigestAreOneHistoryEntryWithTwoRuns() {
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, "apps", "same");
        PairStatus.load(statuses, key, "a", "u1", 1, at(0)).finished(success("sha256:1",
                List.of("HelmRelease/apps/app-1 created")));
        PairStatus.load(statuses, key, "a", "u1", 1, at(60)).finished(success("sha256:1", List.of()));
        ClusterStatus s = stored(key, "a");
        assertEquals(1, s.status().history().size());
        HistoryEntry h = s.status().history().get(0);
        assertEquals(2, h.totalReconciliations());
        assertEquals(T0, h.firstReconciled());
        assertEquals(T0.plusSeconds(60), h.lastReconciled());
        assertEquals("sha256:1", s.lastAppliedRevision());
        assertEquals(List.of(), s.changes(), "the last run's changes");
        assertEquals("True", s.status().condition(Condition.READY).orElseThrow().status());
        assertEquals(T0, s.status().condition(Condition.READY).orElseThrow().lastTransitionTime());
    }

    @Test
    void progressThenFailureKeepsTheLastAppliedRevisionAndSaysWhy() {
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, "apps", "steps");
        PairStatus.load(statuses, key, "a", "u1", 1, at(0)).finished(success("sha256:1", List.of()));
        PairStatus run = PairStatus.load(statuses, key, "a", "u1", 2, at(10));
        run.progress("Applying step 2/3 \"db\"");
        ClusterStatus during = stored(key, "a");
        assertEquals("Applying step 2/3 \"db\"", during.status().condition(Condition.RECONCILING).orElseThrow()
                .message());
        assertEquals("Unknown", during.status().condition(Condition.READY).orElseThrow().status());
        run.finished(new RunReport("False", Condition.REASON_HEALTH_CHECK_FAILED, "step \"db\": health check failed",
                false, "sha256:2", true, Duration.ofSeconds(5), 3, List.of("Job/apps/migrate created"), Map.of()));
        ClusterStatus after = stored(key, "a");
        assertTrue(after.status().condition(Condition.RECONCILING).isEmpty());
        Condition ready = after.status().condition(Condition.READY).orElseThrow();
        assertEquals(Condition.REASON_HEALTH_CHECK_FAILED, ready.reason());
        assertEquals("sha256:1", after.lastAppliedRevision());
        assertEquals("step \"db\": health check failed", after.lastError());
        assertEquals(List.of("sha256:2", "sha256:1"), after.status().history().stream().map(HistoryEntry::digest)
                .toList());
        assertEquals(Condition.REASON_HEALTH_CHECK_FAILED, after.status().history().get(0).lastReconciledStatus());
        assertEquals(2, after.status().observedGeneration());
    }

    @Test
    void aBuildErrorStallsWithoutHistoryAndSuccessClearsIt() {
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, "apps", "broken");
        PairStatus.load(statuses, key, "a", "u1", 1, at(0)).finished(new RunReport("False",
                Condition.REASON_BUILD_FAILED, "failed to build resources[0]: ...", true, "", false, Duration.ZERO, -1,
                List.of(), Map.of()));
        ClusterStatus s = stored(key, "a");
        assertEquals("True", s.status().condition(Condition.STALLED).orElseThrow().status());
        assertEquals(List.of(), s.status().history());
        PairStatus.load(statuses, key, "a", "u1", 2, at(5)).finished(success("sha256:9", List.of()));
        assertTrue(stored(key, "a").status().condition(Condition.STALLED).isEmpty());
    }

    @Test
    void aStatusLeftByAnEarlierObjectOfTheSameNameStartsOver() {
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, "apps", "recreated");
        PairStatus.load(statuses, key, "a", "old", 4, at(0)).finished(success("sha256:old", List.of()));
        PairStatus.load(statuses, key, "a", "new", 1, at(5)).disabled("Reconciliation is disabled");
        ClusterStatus s = stored(key, "a");
        assertEquals("new", s.uid());
        assertEquals(List.of(), s.status().history());
        assertEquals("", s.lastAppliedRevision());
        assertEquals(Condition.REASON_RECONCILIATION_DISABLED, s.status().condition(Condition.READY).orElseThrow()
                .reason());
    }
}
