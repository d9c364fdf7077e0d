package dev.rset.store.sqlite;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rset.store.ConflictException;
import dev.rset.store.Inventory;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryStore;
import dev.rset.store.ObjectKey;
import dev.rset.store.StoredJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inventories, one row per (object, cluster) holding every entry: a row has no size limit that
 * needs the DynamoDB adapter's chunks, and a transaction replaces it whole, so a reader sees the
 * previous or the new inventory, never a mix.
 */
public final class SqliteInventoryStore implements InventoryStore {
    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() { };

    private final SqliteDatabase db;

    public SqliteInventoryStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Inventory get(ObjectKey key, String cluster) {
        requireCluster(cluster);
        return db.read(c -> find(c, key, cluster));
    }

    @Override
    public long put(ObjectKey key, String cluster, List<InventoryEntry> entries, long expectedVersion) {
        requireCluster(cluster);
        List<List<String>> pairs = new ArrayList<>(entries.size());
        entries.forEach(e -> pairs.add(List.of(e.id(), e.version())));
        String json = StoredJson.write(pairs);
        return db.write(c -> {
            if (find(c, key, cluster).version() != expectedVersion) {
                throw new ConflictException("inventory of " + key + " on " + cluster
                        + " was changed concurrently (expected version " + expectedVersion + ")");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO inventories "
                    + "(kind, namespace, name, cluster, entries, ver) VALUES (?, ?, ?, ?, ?, ?)")) {
                int i = Rows.bind(ps, 1, key);
                ps.setString(i, cluster);
                ps.setString(i + 1, json);
                ps.setLong(i + 2, expectedVersion + 1);
                ps.executeUpdate();
            }
            return expectedVersion + 1;
        });
    }

    @Override
    public List<String> clusters(ObjectKey key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cluster FROM inventories "
                    + "WHERE kind = ? AND namespace = ? AND name = ? ORDER BY cluster")) {
                Rows.bind(ps, 1, key);
                List<String> out = new ArrayList<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString("cluster"));
                    }
                }
                return out;
            }
        });
    }

    private static Inventory find(Connection c, ObjectKey key, String cluster) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT entries, ver FROM inventories "
                + "WHERE kind = ? AND namespace = ? AND name = ? AND cluster = ?")) {
            ps.setString(Rows.bind(ps, 1, key), cluster);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return Inventory.EMPTY;
                }
                List<InventoryEntry> entries = new ArrayList<>();
                for (List<String> pair : StoredJson.read(r.getString("entries"), PAIRS)) {
                    entries.add(new InventoryEntry(pair.get(0), pair.get(1)));
                }
                return new Inventory(entries, r.getLong("ver"));
            }
        }
    }

    private static void requireCluster(String cluster) {
        if (cluster == null || cluster.isEmpty() || cluster.indexOf('#') >= 0) {
            throw new IllegalArgumentException("cluster name must be non-empty without '#': " + cluster);
        }
    }
}
