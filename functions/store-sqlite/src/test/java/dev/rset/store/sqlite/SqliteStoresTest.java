package dev.rset.store.sqlite;

import dev.rset.store.ConflictException;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.Ordering;
import dev.rset.store.PairRun;
import dev.rset.store.ProviderId;
import dev.rset.store.WriteOutcome;
import dev.rset.store.testing.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database file itself: kept across restarts, WAL, shared by two openers, schema versions, purging. */
class SqliteStoresTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    @Test
    void stateIsKeptAcrossARestartInOneWalFile() throws Exception {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "apps", "app");
        ProviderId p = new ProviderId("apps", "prs");
        try (SqliteStores stores = SqliteStores.open(stateDir, CLOCK)) {
            stores.definitions().put(k, Map.of("kind", "ResourceSet", "spec", Map.of("a", 1)), Map.of(), 0);
            stores.inputs().put(p, "1", Map.of("id", "1"), new Ordering(NOW, "x"));
        }
        try (SqliteStores stores = SqliteStores.open(stateDir, CLOCK)) {
            assertEquals(1, stores.definitions().get(k).orElseThrow().resourceVersion());
            assertEquals(Map.of("id", "1"), stores.inputs().get(p, "1").orElseThrow().values());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve(SqliteStores.FILE_NAME));
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
            r.next();
            assertEquals("wal", r.getString(1));
        }
    }

    @Test
    void twoOpenersOfOneFileAsTwoProcessesWouldStillHaveOneWinner() throws Exception {
        try (SqliteStores one = SqliteStores.open(stateDir, CLOCK);
                SqliteStores two = SqliteStores.open(stateDir, CLOCK)) {
            for (int round = 0; round < 20; round++) {
                ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "apps", "app-" + round);
                one.definitions().put(k, Map.of("kind", "ResourceSet"), Map.of(), 0);
                List<String> outcomes = Race.run(4, n -> () -> {
                    try {
                        (n % 2 == 0 ? one : two).definitions().put(k, Map.of("kind", "ResourceSet", "spec",
                                Map.of("w", n)), Map.of(), 1);
                        return "won";
                    } catch (ConflictException e) {
                        return "conflict";
                    }
                });
                assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
            }
        }
    }

    @Test
    void aFileFromANewerRsetIsRefusedWithAClearMessage() throws Exception {
        SqliteStores.open(stateDir, CLOCK).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve(SqliteStores.FILE_NAME));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (SqliteDatabase.SCHEMA_VERSION + 1));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqliteStores.open(stateDir, CLOCK));
        assertTrue(e.getMessage().contains("newer than this rset understands"), e.getMessage());
    }

    @Test
    void aFileOfSchemaTwoKeepsItsInputsAndLosesTheDeliveryClaims() throws Exception {
        ProviderId p = new ProviderId("apps", "prs");
        try (SqliteStores stores = SqliteStores.open(stateDir, CLOCK)) {
            stores.inputs().put(p, "1", Map.of("id", "1"), new Ordering(NOW, "o"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve(SqliteStores.FILE_NAME));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE deliveries (receiver TEXT NOT NULL, id TEXT NOT NULL, expires INTEGER NOT NULL, "
                    + "state TEXT NOT NULL DEFAULT 'done', token TEXT NOT NULL DEFAULT '', PRIMARY KEY (receiver, id))");
            s.execute("INSERT INTO deliveries VALUES ('apps/github', 'id:d-1', 9999999999, 'done', 't')");
            s.execute("PRAGMA user_version = 2");
        }
        try (SqliteStores stores = SqliteStores.open(stateDir, CLOCK)) {
            assertEquals(1L, count(stores, "SELECT count(*) FROM inputs"));
            assertEquals(0L, count(stores, "SELECT count(*) FROM sqlite_master WHERE name = 'deliveries'"));
            assertEquals((long) SqliteDatabase.SCHEMA_VERSION, count(stores, "PRAGMA user_version"));
        }
    }

    @Test
    void purgeDropsOnlyWhatExpired() throws Exception {
        ProviderId p = new ProviderId("apps", "prs");
        try (SqliteStores stores = SqliteStores.open(stateDir, CLOCK)) {
            stores.inputs().put(p, "1", Map.of("id", "1"), new Ordering(NOW, "o"));
            stores.inputs().remove(p, "1", new Ordering(NOW.plusSeconds(1), "c"));
            stores.inputs().remove(p, "2", new Ordering(NOW.plusSeconds(1), "c"));
            stores.inputs().put(p, "3", Map.of("id", "3"), new Ordering(NOW, "o"));
        }
        Clock later = Clock.fixed(NOW.plus(SqliteStores.DEFAULT_TOMBSTONE_TTL), ZoneOffset.UTC);
        try (SqliteStores stores = SqliteStores.open(stateDir, later)) {
            assertEquals(1L, count(stores, "SELECT count(*) FROM inputs"), "the live input stays");
            assertEquals(WriteOutcome.WRITTEN, stores.inputs().put(p, "1", Map.of("id", "1"), new Ordering(NOW, "o")));
        }
    }

    @Test
    void aRunRecordPastItsTtlIsNoRecord() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "apps", "app");
        try (SqliteStores stores = SqliteStores.open(stateDir, CLOCK)) {
            stores.pairRuns().finish(stores.pairRuns().start(stores.pairRuns().get(k, "prod"), NOW));
        }
        Clock later = Clock.fixed(NOW.plus(SqlitePairRunStore.RECORD_TTL), ZoneOffset.UTC);
        try (SqliteStores stores = SqliteStores.open(stateDir, later)) {
            assertEquals(PairRun.none(k, "prod"), stores.pairRuns().get(k, "prod"));
            assertEquals(0L, count(stores, "SELECT count(*) FROM pair_runs"), "purged on open");
        }
        SqliteDatabase db = SqliteDatabase.open(stateDir.resolve("unpurged.db"));
        try {
            new SqlitePairRunStore(db, CLOCK).start(PairRun.none(k, "prod"), NOW);
            SqlitePairRunStore expired = new SqlitePairRunStore(db, later);
            assertEquals(PairRun.none(k, "prod"), expired.get(k, "prod"));
            PairRun restarted = expired.start(PairRun.none(k, "prod"), NOW.plus(SqlitePairRunStore.RECORD_TTL));
            assertEquals(restarted, expired.get(k, "prod"));
        } finally {
            db.close();
        }
    }

    private static long count(SqliteStores stores, String sql) {
        return stores.database().read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
