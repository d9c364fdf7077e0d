package dev.rset.store.sqlite;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One SQLite database file in WAL mode, shared by the threads of one process through a small
 * pool of connections (a connection is used by one thread at a time). Readers run in a deferred
 * transaction and see one snapshot; writers run in {@code BEGIN IMMEDIATE}, which takes the
 * database's single write lock up front, so every read-check-write below is atomic and two
 * writers never both pass the same check. Another process on the same file (a second
 * {@code rset} command) waits for the lock like another thread does.
 */
public final class SqliteDatabase implements AutoCloseable {
    /** The schema this code writes; a file with a newer one was written by a newer rset. */
    static final int SCHEMA_VERSION = 3;
    private static final int POOL_SIZE = 4;
    /** How long a writer waits for the write lock before giving up (each transaction is short). */
    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL_SIZE);
    private final List<Connection> all = new ArrayList<>();

    private SqliteDatabase(Path file) {
        this.file = file;
    }

    /** Opens (creating if needed) the database file and its schema. */
    public static SqliteDatabase open(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
        SqliteDatabase db = new SqliteDatabase(file);
        try {
            for (int i = 0; i < POOL_SIZE; i++) {
                Connection c = db.connect();
                db.all.add(c);
                db.idle.add(c);
            }
            db.write(SqliteSchema::migrate);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in a read transaction: one consistent snapshot, no lock taken. */
    public <T> T read(Work<T> work) {
        return inTransaction("BEGIN DEFERRED", work);
    }

    /** Runs {@code work} in a write transaction holding the write lock: all of it or none of it. */
    public <T> T write(Work<T> work) {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    private <T> T inTransaction(String begin, Work<T> work) {
        Connection c = borrow();
        try {
            try (Statement s = c.createStatement()) {
                s.execute(begin);
            }
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
            return result;
        } catch (SQLException e) {
            rollback(c);
            throw new IllegalStateException("state database " + file + ": " + e.getMessage(), e);
        } finally {
            idle.add(c);
        }
    }

    private static void rollback(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite rolls back by itself on some errors; the original error is the one to report
        }
    }

    private Connection borrow() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the state database", e);
        }
    }

    private Connection connect() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a commit survives a crash of the process, only a power loss may undo the last ones
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open state database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing: nothing left to do with it
            }
        }
        all.clear();
        idle.clear();
    }
}
