package dev.rset.store.dynamodb;

import dev.rset.store.ConflictException;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.PairRun;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class PairRunStoreTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final ObjectKey RSET = new ObjectKey(Kind.RESOURCE_SET, "apps", "podinfo");
    static DynamoPairRunStore runs;

    @BeforeAll
    static void table(MotoServer moto) {
        DynamoDbClient db = TestTables.dynamo(moto);
        runs = new DynamoPairRunStore(db, TestTables.newTable(db, 1));
    }

    @Test
    void aFinishedRunCoversRequestsMadeBeforeItStartedOnly() {
        PairRun none = runs.get(RSET, "prod-eu");
        assertEquals(PairRun.none(RSET, "prod-eu"), none);
        PairRun started = runs.start(none, T0);
        assertEquals(new PairRun(RSET, "prod-eu", Optional.of(T0), Optional.empty(), 1), runs.get(RSET, "prod-eu"));
        assertFalse(runs.get(RSET, "prod-eu").covers(T0.minusSeconds(5), Duration.ZERO),
                "a run that has not finished covers nothing: it may still fail");

        runs.finish(started);
        PairRun read = runs.get(RSET, "prod-eu");
        assertEquals(Optional.of(T0), read.covered());
        assertTrue(read.covers(T0.minusMillis(1), Duration.ZERO));
        assertFalse(read.covers(T0, Duration.ZERO), "made as the run started: the run may have read before it");
        assertFalse(read.covers(T0.minusMillis(500), Duration.ofSeconds(1)), "within the clock margin");
        assertEquals(PairRun.none(RSET, "dev"), runs.get(RSET, "dev"), "each cluster has its own record");
    }

    @Test
    void aStartFromAStaleReadConflicts() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "apps", "raced");
        PairRun none = runs.get(k, "");
        runs.start(none, T0);
        assertThrows(ConflictException.class, () -> runs.start(none, T0.plusSeconds(1)));
        PairRun second = runs.start(runs.get(k, ""), T0.plusSeconds(2));
        assertEquals(2, second.version());
    }

    @Test
    void theCoveredTimeNeverMovesBackwards() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "apps", "overtaken");
        PairRun early = runs.start(runs.get(k, "c1"), T0);
        PairRun late = runs.start(runs.get(k, "c1"), T0.plusSeconds(30));
        runs.finish(late);
        runs.finish(early);
        assertEquals(Optional.of(T0.plusSeconds(30)), runs.get(k, "c1").covered());
    }
}
