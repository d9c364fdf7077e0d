package dev.rset.store.sqlite;

import dev.rset.store.ConflictException;
import dev.rset.store.ObjectKey;
import dev.rset.store.PairRun;
import dev.rset.store.PairRunStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Run records, one row per (ResourceSet, cluster) pair. Like the DynamoDB items they expire
 * {@link #RECORD_TTL} after their last start (a lost record costs one extra run, never a missed
 * one); an expired row counts as no record.
 */
public final class SqlitePairRunStore implements PairRunStore {
    /** As the DynamoDB adapter's: longer than SQS keeps a message (14 days). */
    public static final Duration RECORD_TTL = Duration.ofDays(15);

    private final SqliteDatabase db;
    private final Clock clock;

    public SqlitePairRunStore(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public PairRun get(ObjectKey resourceSet, String cluster) {
        requireCluster(cluster);
        return db.read(c -> find(c, resourceSet, cluster));
    }

    @Override
    public PairRun start(PairRun read, Instant at) {
        requireCluster(read.cluster());
        return db.write(c -> {
            if (find(c, read.resourceSet(), read.cluster()).version() != read.version()) {
                throw new ConflictException("a run of " + read.resourceSet() + " on cluster '" + read.cluster()
                        + "' started concurrently (expected version " + read.version() + ")");
            }
            // the covered time stays (a finish does not bump the version); an expired record's goes with it
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pair_runs "
                    + "(kind, namespace, name, cluster, started, covered, ver, expires) VALUES (?, ?, ?, ?, ?, NULL, ?, ?) "
                    + "ON CONFLICT (kind, namespace, name, cluster) DO UPDATE SET started = excluded.started, "
                    + "covered = CASE WHEN expires <= ? THEN NULL ELSE covered END, "
                    + "ver = excluded.ver, expires = excluded.expires")) {
                int i = Rows.bind(ps, 1, read.resourceSet());
                ps.setString(i, read.cluster());
                ps.setLong(i + 1, at.toEpochMilli());
                ps.setLong(i + 2, read.version() + 1);
                ps.setLong(i + 3, at.plus(RECORD_TTL).getEpochSecond());
                ps.setLong(i + 4, clock.instant().getEpochSecond());
                ps.executeUpdate();
            }
            return new PairRun(read.resourceSet(), read.cluster(), Optional.of(at), read.covered(), read.version() + 1);
        });
    }

    @Override
    public void finish(PairRun started) {
        Instant at = started.started().orElseThrow(() -> new IllegalArgumentException(
                "run of " + started.resourceSet() + " on cluster '" + started.cluster() + "' has not started"));
        requireCluster(started.cluster());
        db.write(c -> {
            // a later run may have finished first: its covered time is already at least ours
            try (PreparedStatement ps = c.prepareStatement("UPDATE pair_runs SET covered = ? "
                    + "WHERE kind = ? AND namespace = ? AND name = ? AND cluster = ? "
                    + "AND (covered IS NULL OR covered < ?)")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(Rows.bind(ps, 2, started.resourceSet()), started.cluster());
                ps.setLong(6, at.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private PairRun find(Connection c, ObjectKey resourceSet, String cluster) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT started, covered, ver FROM pair_runs "
                + "WHERE kind = ? AND namespace = ? AND name = ? AND cluster = ? AND expires > ?")) {
            ps.setString(Rows.bind(ps, 1, resourceSet), cluster);
            ps.setLong(5, clock.instant().getEpochSecond());
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return PairRun.none(resourceSet, cluster);
                }
                return new PairRun(resourceSet, cluster, Rows.millis(r, "started"), Rows.millis(r, "covered"),
                        r.getLong("ver"));
            }
        }
    }

    private static void requireCluster(String cluster) {
        if (cluster.indexOf('#') >= 0) {
            throw new IllegalArgumentException("cluster name must not contain '#': " + cluster);
        }
    }
}
