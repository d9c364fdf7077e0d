package dev.rset.store.sqlite;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rset.store.ConflictException;
import dev.rset.store.Inventory;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryKey;
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
 * Inventories, one row per (ResourceSet, cluster, uid) holding every entry: a row has no size
 * limit that needs the DynamoDB adapter's chunks, and a transaction replaces it whole, so a reader
 * sees the previous or the new inventory, never a mix.
 */
public final class SqliteInventoryStore implements InventoryStore {
    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() { };
    private static final String WHERE_KEY = " WHERE kind = ? AND namespace = ? AND name = ? AND cluster = ? AND uid = ?";

    private final SqliteDatabase db;

    public SqliteInventoryStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Inventory get(InventoryKey key) {
        return db.read(c -> find(c, key));
    }

    @Override
    public long put(InventoryKey key, List<InventoryEntry> entries, long expectedVersion) {
        List<List<String>> pairs = new ArrayList<>(entries.size());
        entries.forEach(e -> pairs.add(List.of(e.id(), e.version())));
        String json = StoredJson.write(pairs);
        return db.write(c -> {
            if (find(c, key).version() != expectedVersion) {
                throw conflict(key, expectedVersion);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO inventories "
                    + "(kind, namespace, name, cluster, uid, entries, ver) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int i = bind(ps, key);
                ps.setString(i, json);
                ps.setLong(i + 1, expectedVersion + 1);
                ps.executeUpdate();
            }
            return expectedVersion + 1;
        });
    }

    @Override
    public void delete(InventoryKey key, long expectedVersion) {
        db.write(c -> {
            if (expectedVersion != 0 && find(c, key).version() != expectedVersion) {
                throw conflict(key, expectedVersion);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM inventories" + WHERE_KEY)) {
                bind(ps, key);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<InventoryKey> list(ObjectKey owner) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cluster, uid FROM inventories "
                    + "WHERE kind = ? AND namespace = ? AND name = ? ORDER BY cluster, uid")) {
                Rows.bind(ps, 1, owner);
                List<InventoryKey> out = new ArrayList<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        out.add(new InventoryKey(owner, r.getString("uid"), r.getString("cluster")));
                    }
                }
                return out;
            }
        });
    }

    private static Inventory find(Connection c, InventoryKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT entries, ver FROM inventories" + WHERE_KEY)) {
            bind(ps, key);
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

    /** Binds the key to the first five parameters; returns the next index. */
    private static int bind(PreparedStatement ps, InventoryKey key) throws SQLException {
        int i = Rows.bind(ps, 1, key.owner());
        ps.setString(i, key.cluster());
        ps.setString(i + 1, key.uid());
        return i + 2;
    }

    private static ConflictException conflict(InventoryKey key, long expectedVersion) {
        return new ConflictException("inventory of " + key + " was changed concurrently (expected version "
                + expectedVersion + ")");
    }
}
