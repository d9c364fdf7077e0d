package dev.rset.store.sqlite;

import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Binding and reading the columns every table shares: an object's (kind, namespace, name), optional times. */
final class Rows {
    private Rows() {
    }

    /** Binds the key to parameters {@code at}, {@code at + 1}, {@code at + 2}; returns the next index. */
    static int bind(PreparedStatement ps, int at, ObjectKey key) throws SQLException {
        ps.setString(at, key.kind().kind());
        ps.setString(at + 1, key.namespace());
        ps.setString(at + 2, key.name());
        return at + 3;
    }

    /** The key in columns {@code kind}, {@code namespace}, {@code name}. */
    static ObjectKey key(ResultSet r) throws SQLException {
        String kind = r.getString("kind");
        Kind k = Kind.byKind(kind).orElseThrow(() -> new IllegalStateException("stored row has unknown kind " + kind));
        return new ObjectKey(k, r.getString("namespace"), r.getString("name"));
    }

    static void setMillis(PreparedStatement ps, int at, Optional<Instant> t) throws SQLException {
        if (t.isPresent()) {
            ps.setLong(at, t.get().toEpochMilli());
        } else {
            ps.setNull(at, Types.INTEGER);
        }
    }

    static Optional<Instant> millis(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
