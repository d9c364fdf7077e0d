package dev.rset.store.sqlite;

import dev.rset.store.ClusterStatus;
import dev.rset.store.ConflictException;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.StatusCodec;
import dev.rset.store.StatusStore;
import dev.rset.store.StoredJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status, one row per object, and one per (object, cluster) in {@code cluster_statuses}: the same
 * JSON documents as the DynamoDB items', each with its own version.
 */
public final class SqliteStatusStore implements StatusStore {
    private final SqliteDatabase db;

    public SqliteStatusStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public ObjectStatus get(ObjectKey key) {
        return db.read(c -> find(c, key));
    }

    @Override
    public Map<ObjectKey, ObjectStatus> getAll(Collection<ObjectKey> keys) {
        return db.read(c -> {
            Map<ObjectKey, ObjectStatus> out = new LinkedHashMap<>();
            for (ObjectKey k : keys) {
                out.put(k, find(c, k));
            }
            return out;
        });
    }

    @Override
    public ObjectStatus put(ObjectKey key, ObjectStatus status) {
        long next = status.version() + 1;
        return db.write(c -> {
            if (find(c, key).version() != status.version()) {
                throw new ConflictException("status of " + key + " was changed concurrently (expected version "
                        + status.version() + ")");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO statuses (kind, namespace, name, doc, ver) VALUES (?, ?, ?, ?, ?)")) {
                int i = Rows.bind(ps, 1, key);
                ps.setString(i, StoredJson.write(StatusCodec.toMap(status)));
                ps.setLong(i + 1, next);
                ps.executeUpdate();
            }
            return new ObjectStatus(status.observedGeneration(), status.conditions(), status.history(), next);
        });
    }

    @Override
    public void delete(ObjectKey key) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM statuses WHERE kind = ? AND namespace = ? AND name = ?")) {
                Rows.bind(ps, 1, key);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ClusterStatus> clusters(ObjectKey key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT doc, ver FROM cluster_statuses "
                    + "WHERE kind = ? AND namespace = ? AND name = ? ORDER BY cluster")) {
                Rows.bind(ps, 1, key);
                List<ClusterStatus> out = new ArrayList<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        out.add(StatusCodec.clusterFromMap(StoredJson.readMap(r.getString("doc")), r.getLong("ver")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public ClusterStatus putCluster(ObjectKey key, ClusterStatus status) {
        long next = status.version() + 1;
        return db.write(c -> {
            if (clusterVersion(c, key, status.cluster()) != status.version()) {
                throw new ConflictException("status of " + key + " on cluster " + status.cluster()
                        + " was changed concurrently (expected version " + status.version() + ")");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO cluster_statuses "
                    + "(kind, namespace, name, cluster, doc, ver) VALUES (?, ?, ?, ?, ?, ?)")) {
                int i = Rows.bind(ps, 1, key);
                ps.setString(i, status.cluster());
                ps.setString(i + 1, StoredJson.write(StatusCodec.toMap(status)));
                ps.setLong(i + 2, next);
                ps.executeUpdate();
            }
            ObjectStatus st = status.status();
            return status.withStatus(new ObjectStatus(st.observedGeneration(), st.conditions(), st.history(), next));
        });
    }

    @Override
    public void deleteCluster(ObjectKey key, String cluster) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM cluster_statuses WHERE kind = ? AND namespace = ? AND name = ? AND cluster = ?")) {
                ps.setString(Rows.bind(ps, 1, key), cluster);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static long clusterVersion(Connection c, ObjectKey key, String cluster) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ver FROM cluster_statuses WHERE kind = ? AND namespace = ? AND name = ? AND cluster = ?")) {
            ps.setString(Rows.bind(ps, 1, key), cluster);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? r.getLong("ver") : 0;
            }
        }
    }

    private static ObjectStatus find(Connection c, ObjectKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT doc, ver FROM statuses WHERE kind = ? AND namespace = ? AND name = ?")) {
            Rows.bind(ps, 1, key);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? StatusCodec.fromMap(StoredJson.readMap(r.getString("doc")), r.getLong("ver"))
                        : ObjectStatus.EMPTY;
            }
        }
    }
}
