package dev.rset.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables, one per kind of state; they hold what the DynamoDB items hold (see
 * {@code infra/README.md}), with SQLite's transactions doing what conditions, the live set and
 * inventory chunks do there. Times are epoch milliseconds, input orderings epoch nanoseconds,
 * values JSON text ({@link dev.rset.store.StoredJson}).
 */
final class SqliteSchema {
    private static final String[] V1 = {
        """
        CREATE TABLE definitions (
          kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
          manifest TEXT NOT NULL, labels TEXT NOT NULL,
          generation INTEGER NOT NULL, rv INTEGER NOT NULL,
          created TEXT NOT NULL, updated TEXT NOT NULL,
          PRIMARY KEY (kind, namespace, name)) WITHOUT ROWID""",
        """
        CREATE TABLE schedules (
          kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
          next_due INTEGER, window_end INTEGER, last_reconcile INTEGER,
          suspended INTEGER NOT NULL, ver INTEGER NOT NULL,
          PRIMARY KEY (kind, namespace, name)) WITHOUT ROWID""",
        // the due index: schedulable objects only, by due time, like DynamoDB's sparse 'due' index
        """
        CREATE INDEX schedules_due ON schedules (next_due, kind, namespace, name)
          WHERE suspended = 0 AND next_due IS NOT NULL""",
        """
        CREATE TABLE statuses (
          kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
          doc TEXT NOT NULL, ver INTEGER NOT NULL,
          PRIMARY KEY (kind, namespace, name)) WITHOUT ROWID""",
        // one row per ResourceSet, cluster and ResourceSet uid when it applied there
        // one ResourceSet's status on one cluster, apart from the object's own so that runs never collide
        """
        CREATE TABLE cluster_statuses (
          kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, cluster TEXT NOT NULL,
          doc TEXT NOT NULL, ver INTEGER NOT NULL,
          PRIMARY KEY (kind, namespace, name, cluster)) WITHOUT ROWID""",
        """
        CREATE TABLE inventories (
          kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, cluster TEXT NOT NULL, uid TEXT NOT NULL,
          entries TEXT NOT NULL, ver INTEGER NOT NULL,
          PRIMARY KEY (kind, namespace, name, cluster, uid)) WITHOUT ROWID""",
        // one row per (provider, input id), live or tombstone (deleted = 1, expires set)
        """
        CREATE TABLE inputs (
          namespace TEXT NOT NULL, provider TEXT NOT NULL, id TEXT NOT NULL,
          value TEXT, ord_t INTEGER NOT NULL, ord_s TEXT NOT NULL,
          deleted INTEGER NOT NULL, expires INTEGER,
          PRIMARY KEY (namespace, provider, id)) WITHOUT ROWID""",
        // listing and counting read live inputs only, however many tombstones a provider has
        "CREATE INDEX inputs_live ON inputs (namespace, provider, id) WHERE deleted = 0",
        "CREATE INDEX inputs_expiring ON inputs (expires) WHERE expires IS NOT NULL",
        // a place under the limit that an eviction handed to the input that displaced the evicted one
        """
        CREATE TABLE input_places (
          namespace TEXT NOT NULL, provider TEXT NOT NULL, id TEXT NOT NULL, handed_at INTEGER NOT NULL,
          PRIMARY KEY (namespace, provider, id)) WITHOUT ROWID""",
        """
        CREATE TABLE deliveries (
          receiver TEXT NOT NULL, id TEXT NOT NULL, expires INTEGER NOT NULL,
          PRIMARY KEY (receiver, id)) WITHOUT ROWID""",
        "CREATE INDEX deliveries_expiring ON deliveries (expires)",
        // cluster is '' for the pair of a ResourceSet placed nowhere
        """
        CREATE TABLE pair_runs (
          kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, cluster TEXT NOT NULL,
          started INTEGER, covered INTEGER, ver INTEGER NOT NULL, expires INTEGER NOT NULL,
          PRIMARY KEY (kind, namespace, name, cluster)) WITHOUT ROWID""",
        "CREATE INDEX pair_runs_expiring ON pair_runs (expires)",
    };

    /** Delivery claims (issue #11): a record is claimed for a lease, or done; the claim's token tells claims apart. */
    private static final String[] V2 = {
        "ALTER TABLE deliveries ADD COLUMN state TEXT NOT NULL DEFAULT 'done'",
        "ALTER TABLE deliveries ADD COLUMN token TEXT NOT NULL DEFAULT ''",
    };

    /** Deliveries are known by the orderings on the input rows themselves: the claims' table goes. */
    private static final String[] V3 = {
        "DROP TABLE deliveries",
    };

    private SqliteSchema() {
    }

    /** Creates the tables of a new file, brings an older one up to date; refuses a file written by a newer schema. */
    static Void migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            version = r.next() ? r.getInt(1) : 0;
        }
        if (version > SqliteDatabase.SCHEMA_VERSION) {
            throw new IllegalStateException("the state database has schema version " + version
                    + ", newer than this rset understands (" + SqliteDatabase.SCHEMA_VERSION
                    + "): use a newer rset or another --state-dir");
        }
        if (version < SqliteDatabase.SCHEMA_VERSION) {
            try (Statement s = c.createStatement()) {
                for (String ddl : version < 1 ? V1 : new String[0]) {
                    s.execute(ddl);
                }
                for (String ddl : version < 2 ? V2 : new String[0]) {
                    s.execute(ddl);
                }
                for (String ddl : V3) {
                    s.execute(ddl);
                }
                s.execute("PRAGMA user_version = " + SqliteDatabase.SCHEMA_VERSION);
            }
        }
        return null;
    }
}
