package dev.rset.store.sqlite;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rset.store.ConflictException;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.StoredJson;
import dev.rset.store.StoredObject;
import dev.rset.store.TooLargeException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Definitions, one row each. {@link #apply} checks every version and writes every object and
 * schedule change in one write transaction, so it is all or nothing as DynamoDB's
 * TransactWriteItems is, and of two applies from the same version exactly one wins.
 */
public final class SqliteDefinitionStore implements DefinitionStore {
    private static final TypeReference<TreeMap<String, String>> LABELS = new TypeReference<>() { };

    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteDefinitionStore(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<StoredObject> get(ObjectKey key) {
        return db.read(c -> find(c, key));
    }

    @Override
    public List<StoredObject> list(Kind kind, String namespace) {
        boolean all = namespace == null || namespace.isEmpty();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM definitions WHERE kind = ?"
                    + (all ? "" : " AND namespace = ?") + " ORDER BY namespace, name")) {
                ps.setString(1, kind.kind());
                if (!all) {
                    ps.setString(2, namespace);
                }
                List<StoredObject> out = new ArrayList<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        out.add(toObject(r));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<StoredObject> apply(List<Write> writes) {
        DefinitionStore.checkBatch(writes);
        Instant now = clock.instant();
        List<String> manifests = new ArrayList<>();
        for (Write w : writes) {
            manifests.add(checkedManifest(w));
        }
        return db.write(c -> {
            List<StoredObject> out = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                Write w = writes.get(i);
                StoredObject old = find(c, w.key()).orElse(null);
                if (w.expectedVersion() == 0 && old != null) {
                    throw new ConflictException(w.key() + " already exists");
                }
                if (w.expectedVersion() != 0 && old == null) {
                    throw new ConflictException(w.key() + " does not exist (it was deleted)");
                }
                if (old != null && old.resourceVersion() != w.expectedVersion()) {
                    throw conflict(w.key());
                }
                boolean specChanged = old == null || !Objects.equals(StoredJson.write(old.manifest().get("spec")),
                        StoredJson.write(w.manifest().get("spec")));
                StoredObject next = new StoredObject(w.key(), w.manifest(), w.labels(),
                        old == null ? 1 : old.generation() + (specChanged ? 1 : 0), w.expectedVersion() + 1,
                        old == null ? now : old.createdAt(), now);
                upsert(c, next, manifests.get(i));
                SqliteScheduleStore.change(c, w.key(), w.schedule(), now);
                out.add(next);
            }
            return out;
        });
    }

    @Override
    public void delete(ObjectKey key, long expectedVersion) {
        db.write(c -> {
            Optional<StoredObject> old = find(c, key);
            if (old.isEmpty() || old.get().resourceVersion() != expectedVersion) {
                throw conflict(key);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM definitions WHERE kind = ? AND namespace = ? AND name = ?")) {
                Rows.bind(ps, 1, key);
                ps.executeUpdate();
            }
            SqliteScheduleStore.delete(c, key);
            return null;
        });
    }

    /** The manifest's JSON, refused when DynamoDB could not store it (see {@link DefinitionStore#MAX_COMPRESSED_MANIFEST}). */
    private static String checkedManifest(Write w) {
        String json = StoredJson.write(w.manifest());
        int compressed = StoredJson.gzip(json).length;
        if (compressed > MAX_COMPRESSED_MANIFEST) {
            throw new TooLargeException(w.key() + " is too large to store: " + compressed
                    + " bytes compressed, the limit is " + MAX_COMPRESSED_MANIFEST);
        }
        return json;
    }

    private static ConflictException conflict(ObjectKey key) {
        return new ConflictException("the object has been modified; please apply your changes to the latest "
                + "version and try again: " + key);
    }

    private static Optional<StoredObject> find(Connection c, ObjectKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM definitions WHERE kind = ? AND namespace = ? AND name = ?")) {
            Rows.bind(ps, 1, key);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(toObject(r)) : Optional.empty();
            }
        }
    }

    private static void upsert(Connection c, StoredObject o, String manifest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO definitions "
                + "(kind, namespace, name, manifest, labels, generation, rv, created, updated) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = Rows.bind(ps, 1, o.key());
            ps.setString(i, manifest);
            ps.setString(i + 1, StoredJson.write(new TreeMap<>(o.labels())));
            ps.setLong(i + 2, o.generation());
            ps.setLong(i + 3, o.resourceVersion());
            ps.setString(i + 4, o.createdAt().toString());
            ps.setString(i + 5, o.updatedAt().toString());
            ps.executeUpdate();
        }
    }

    private static StoredObject toObject(ResultSet r) throws SQLException {
        Map<String, String> labels = StoredJson.read(r.getString("labels"), LABELS);
        return new StoredObject(Rows.key(r), StoredJson.readMap(r.getString("manifest")), labels,
                r.getLong("generation"), r.getLong("rv"), Instant.parse(r.getString("created")),
                Instant.parse(r.getString("updated")));
    }
}
