package dev.rset.store.contract;

import dev.rset.store.ConflictException;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.PairRun;
import dev.rset.store.PairRunStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link PairRunStore} does: versioned starts, finishes that never move the covered time back. */
public abstract class PairRunStoreContract extends StoreContract {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final ObjectKey RSET = new ObjectKey(Kind.RESOURCE_SET, "apps", "podinfo");
    protected PairRunStore runs;

    @BeforeEach
    void port() {
        runs = fixture.pairRuns();
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
        assertEquals(Optional.of(T0.plusSeconds(2)), runs.get(k, "").started());
    }

    @Test
    void theCoveredTimeNeverMovesBackwards() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "apps", "overtaken");
        PairRun early = runs.start(runs.get(k, "c1"), T0);
        PairRun late = runs.start(runs.get(k, "c1"), T0.plusSeconds(30));
        runs.finish(late);
        runs.finish(early);
        assertEquals(Optional.of(T0.plusSeconds(30)), runs.get(k, "c1").covered());
        assertEquals(2, runs.get(k, "c1").version(), "a finish is no start");
    }

    @Test
    void aRunMustHaveStartedToFinishAndClusterNamesMustBeUsableInKeys() {
        assertThrows(IllegalArgumentException.class, () -> runs.finish(PairRun.none(RSET, "c1")));
        assertThrows(IllegalArgumentException.class, () -> runs.get(RSET, "a#b"));
    }
}
