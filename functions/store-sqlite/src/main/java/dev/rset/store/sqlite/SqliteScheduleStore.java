package dev.rset.store.sqlite;

import dev.rset.store.ConflictException;
import dev.rset.store.DefinitionStore.ScheduleChange;
import dev.rset.store.DueItem;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.ScheduleStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schedule state, one row per object. The due query reads the partial index {@code schedules_due},
 * which holds only rows that have a next due time and are not suspended: its cost follows the due
 * objects, not all objects, as the DynamoDB adapter's sparse index does.
 */
public final class SqliteScheduleStore implements ScheduleStore {
    private final SqliteDatabase db;

    public SqliteScheduleStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<ScheduleState> get(ObjectKey key) {
        return db.read(c -> find(c, key));
    }

    @Override
    public ScheduleState put(ScheduleState state) {
        ObjectKey key = state.key();
        ScheduleState next = new ScheduleState(key, state.nextDue(), state.windowEnd(), state.lastReconcile(),
                state.suspended(), state.version() + 1);
        return db.write(c -> {
            long stored = find(c, key).map(ScheduleState::version).orElse(0L);
            if (stored != state.version()) {
                throw new ConflictException("schedule of " + key + " was changed concurrently (expected version "
                        + state.version() + ")");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO schedules "
                    + "(kind, namespace, name, next_due, window_end, last_reconcile, suspended, ver) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = Rows.bind(ps, 1, key);
                Rows.setMillis(ps, i, next.nextDue());
                Rows.setMillis(ps, i + 1, next.windowEnd());
                Rows.setMillis(ps, i + 2, next.lastReconcile());
                ps.setInt(i + 3, next.suspended() ? 1 : 0);
                ps.setLong(i + 4, next.version());
                ps.executeUpdate();
            }
            return next;
        });
    }

    @Override
    public void delete(ObjectKey key) {
        db.write(c -> {
            delete(c, key);
            return null;
        });
    }

    @Override
    public List<DueItem> due(Instant now, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, namespace, name, next_due FROM schedules "
                    + "INDEXED BY schedules_due WHERE suspended = 0 AND next_due IS NOT NULL AND next_due <= ? "
                    + "ORDER BY next_due, kind, namespace, name LIMIT ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                List<DueItem> out = new ArrayList<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        out.add(new DueItem(Rows.key(r), Instant.ofEpochMilli(r.getLong("next_due"))));
                    }
                }
                return out;
            }
        });
    }

    /** Reads and moves the due time in one write transaction, which SQLite serialises. */
    @Override
    public Optional<ScheduleState> claim(DueItem item, Instant now, Instant until) {
        return db.write(c -> {
            Optional<ScheduleState> current = find(c, item.key()).filter(s -> s.isDue(now));
            if (current.isEmpty()) {
                return Optional.<ScheduleState>empty();
            }
            ScheduleState claimed = current.get().withNextDue(until);
            try (PreparedStatement ps = c.prepareStatement("UPDATE schedules SET next_due = ?, ver = ver + 1 "
                    + "WHERE kind = ? AND namespace = ? AND name = ? AND ver = ?")) {
                ps.setLong(1, until.toEpochMilli());
                int i = Rows.bind(ps, 2, item.key());
                ps.setLong(i, claimed.version());
                ps.executeUpdate();
            }
            return Optional.of(new ScheduleState(claimed.key(), claimed.nextDue(), claimed.windowEnd(),
                    claimed.lastReconcile(), claimed.suspended(), claimed.version() + 1));
        });
    }

    /**
     * The schedule side of a definition's apply, in the caller's transaction. Bumping the version
     * makes a scheduler that read the state before the apply fail its write and re-read, so neither
     * side's change is lost.
     */
    static void change(Connection c, ObjectKey key, ScheduleChange change, Instant now) throws SQLException {
        String sql = switch (change) {
            case NONE -> null;
            case DUE_NOW -> "INSERT INTO schedules (kind, namespace, name, next_due, suspended, ver) "
                    + "VALUES (?, ?, ?, ?, 0, 1) ON CONFLICT (kind, namespace, name) "
                    + "DO UPDATE SET next_due = excluded.next_due, suspended = 0, ver = ver + 1";
            case SUSPEND -> "INSERT INTO schedules (kind, namespace, name, next_due, suspended, ver) "
                    + "VALUES (?, ?, ?, ?, 1, 1) ON CONFLICT (kind, namespace, name) "
                    + "DO UPDATE SET suspended = 1, ver = ver + 1";
        };
        if (sql == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = Rows.bind(ps, 1, key);
            Rows.setMillis(ps, i, change == ScheduleChange.DUE_NOW ? Optional.of(now) : Optional.empty());
            ps.executeUpdate();
        }
    }

    /** Removes the object's schedule state in the caller's transaction. */
    static void delete(Connection c, ObjectKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM schedules WHERE kind = ? AND namespace = ? AND name = ?")) {
            Rows.bind(ps, 1, key);
            ps.executeUpdate();
        }
    }

    private static Optional<ScheduleState> find(Connection c, ObjectKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM schedules WHERE kind = ? AND namespace = ? AND name = ?")) {
            Rows.bind(ps, 1, key);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ScheduleState(key, Rows.millis(r, "next_due"), Rows.millis(r, "window_end"),
                        Rows.millis(r, "last_reconcile"), r.getInt("suspended") != 0, r.getLong("ver")));
            }
        }
    }
}
