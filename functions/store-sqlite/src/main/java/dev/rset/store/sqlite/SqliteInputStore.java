package dev.rset.store.sqlite;

import static dev.rset.store.InputArguments.requireId;
import static dev.rset.store.InputArguments.requireLimit;

import dev.rset.store.InputStore;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.StoredJson;
import dev.rset.store.WriteOutcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Exported inputs, one row per (provider, input id), live or tombstone. Each write reads the id's
 * row, checks the ordering guard and, for an input that becomes live, the provider's limit, and
 * writes, all in one write transaction: what the DynamoDB adapter gets from conditional writes on
 * the input item and its live set. A tombstone past its expiry counts as no row (expired on read).
 * An eviction that hands its place to a successor leaves a row in {@code input_places} that counts
 * under the limit for everyone but the successor, until the successor takes it or it is as old as
 * an abandoned live-set slot ({@link #HANDED_PLACE_TTL}).
 */
public final class SqliteInputStore implements InputStore {
    /** How long a handed-over place waits for its successor: the DynamoDB live set's abandoned-slot age. */
    public static final Duration HANDED_PLACE_TTL = Duration.ofMinutes(5);

    /** The id's current row: {@code json} is null for a tombstone. */
    private record Row(String json, Ordering ordering) {
        boolean live() {
            return json != null;
        }
    }

    private final SqliteDatabase db;
    private final Clock clock;
    private final Duration tombstoneTtl;

    public SqliteInputStore(SqliteDatabase db, Clock clock, Duration tombstoneTtl) {
        this.db = db;
        this.clock = clock;
        this.tombstoneTtl = tombstoneTtl;
    }

    @Override
    public List<StoredInput> list(ProviderId provider) {
        return db.read(c -> live(c, provider));
    }

    @Override
    public Optional<StoredInput> get(ProviderId provider, String inputId) {
        requireId(inputId);
        return db.read(c -> find(c, provider, inputId).filter(Row::live)
                .map(r -> new StoredInput(provider, inputId, StoredJson.readMap(r.json()), r.ordering())));
    }

    @Override
    public WriteOutcome put(ProviderId provider, String inputId, Map<String, Object> input, Ordering ordering,
            int limit) {
        requireId(inputId);
        requireLimit(limit);
        String json = StoredJson.write(input);
        return db.write(c -> put(c, provider, inputId, json, ordering, limit));
    }

    @Override
    public WriteOutcome remove(ProviderId provider, String inputId, Ordering ordering) {
        requireId(inputId);
        return db.write(c -> remove(c, provider, inputId, ordering));
    }

    @Override
    public WriteOutcome evict(StoredInput listed, String successor) {
        requireId(listed.id());
        ProviderId provider = listed.provider();
        return db.write(c -> {
            Optional<Row> row = find(c, provider, listed.id());
            if (row.isEmpty() || !row.get().live() || !row.get().ordering().equals(listed.ordering())) {
                return WriteOutcome.STALE;
            }
            tombstone(c, provider, listed.id(), listed.ordering());
            if (successor != null && !successor.equals(listed.id())
                    && find(c, provider, successor).filter(Row::live).isEmpty() && !hasPlace(c, provider, successor)) {
                handPlace(c, provider, successor);
            }
            return WriteOutcome.WRITTEN;
        });
    }

    /** Every row of the provider, live and tombstone, and the places handed to its inputs, in one transaction. */
    @Override
    public void forget(ProviderId provider) {
        db.write(c -> {
            for (String table : List.of("inputs", "input_places")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                        + " WHERE namespace = ? AND provider = ?")) {
                    ps.setString(1, provider.namespace());
                    ps.setString(2, provider.name());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Map<String, WriteOutcome> replaceAll(ProviderId provider, Map<String, Map<String, Object>> inputs,
            Ordering ordering) {
        Map<String, String> json = new TreeMap<>();
        inputs.forEach((id, values) -> {
            requireId(id);
            json.put(id, StoredJson.write(values));
        });
        return db.write(c -> {
            Map<String, WriteOutcome> out = new TreeMap<>();
            for (Map.Entry<String, String> e : json.entrySet()) {
                out.put(e.getKey(), put(c, provider, e.getKey(), e.getValue(), ordering, NO_LIMIT));
            }
            for (StoredInput live : live(c, provider)) {
                if (!json.containsKey(live.id())) {
                    out.put(live.id(), remove(c, provider, live.id(), ordering));
                }
            }
            return out;
        });
    }

    private WriteOutcome put(Connection c, ProviderId provider, String inputId, String json, Ordering ordering,
            int limit) throws SQLException {
        Optional<Row> old = find(c, provider, inputId);
        if (old.isPresent() && old.get().ordering().compareTo(ordering) >= 0) {
            return old.get().ordering().equals(ordering) ? WriteOutcome.REPEATED : WriteOutcome.STALE;
        }
        if (old.isPresent() && old.get().live()) {
            write(c, provider, inputId, json, ordering);
            return json.equals(old.get().json()) ? WriteOutcome.UNCHANGED : WriteOutcome.WRITTEN;
        }
        if (limit != NO_LIMIT && taken(c, provider, inputId) >= limit) {
            return WriteOutcome.FULL;
        }
        write(c, provider, inputId, json, ordering);
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM input_places WHERE namespace = ? AND provider = ? AND id = ?")) {
            bind(ps, provider, inputId);
            ps.executeUpdate();
        }
        return WriteOutcome.WRITTEN;
    }

    private WriteOutcome remove(Connection c, ProviderId provider, String inputId, Ordering ordering)
            throws SQLException {
        Optional<Row> old = find(c, provider, inputId);
        if (old.isPresent() && old.get().ordering().compareTo(ordering) >= 0) {
            return old.get().ordering().equals(ordering) ? WriteOutcome.REPEATED : WriteOutcome.STALE;
        }
        // written even when nothing was live: it still guards against a late "opened"
        tombstone(c, provider, inputId, ordering);
        return old.isPresent() && old.get().live() ? WriteOutcome.WRITTEN : WriteOutcome.UNCHANGED;
    }

    /** Places under the limit taken for anyone but {@code inputId}: live inputs and places handed to others. */
    private long taken(Connection c, ProviderId provider, String inputId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT "
                + "(SELECT count(*) FROM inputs INDEXED BY inputs_live "
                + "  WHERE namespace = ? AND provider = ? AND deleted = 0) + "
                + "(SELECT count(*) FROM input_places WHERE namespace = ? AND provider = ? AND id <> ? "
                + "  AND handed_at > ?)")) {
            ps.setString(1, provider.namespace());
            ps.setString(2, provider.name());
            ps.setString(3, provider.namespace());
            ps.setString(4, provider.name());
            ps.setString(5, inputId);
            ps.setLong(6, clock.instant().minus(HANDED_PLACE_TTL).toEpochMilli());
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private boolean hasPlace(Connection c, ProviderId provider, String inputId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM input_places "
                + "WHERE namespace = ? AND provider = ? AND id = ? AND handed_at > ?")) {
            bind(ps, provider, inputId);
            ps.setLong(4, clock.instant().minus(HANDED_PLACE_TTL).toEpochMilli());
            try (ResultSet r = ps.executeQuery()) {
                return r.next();
            }
        }
    }

    private void handPlace(Connection c, ProviderId provider, String successor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO input_places (namespace, provider, id, handed_at) VALUES (?, ?, ?, ?)")) {
            bind(ps, provider, successor);
            ps.setLong(4, clock.millis());
            ps.executeUpdate();
        }
    }

    private static void write(Connection c, ProviderId provider, String inputId, String json, Ordering ordering)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO inputs "
                + "(namespace, provider, id, value, ord_t, ord_s, deleted, expires) VALUES (?, ?, ?, ?, ?, ?, 0, NULL)")) {
            bind(ps, provider, inputId);
            ps.setString(4, json);
            ps.setLong(5, epochNanos(ordering.eventTime()));
            ps.setString(6, ordering.sequence());
            ps.executeUpdate();
        }
    }

    private void tombstone(Connection c, ProviderId provider, String inputId, Ordering ordering) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO inputs "
                + "(namespace, provider, id, value, ord_t, ord_s, deleted, expires) VALUES (?, ?, ?, ?, ?, ?, 1, ?)")) {
            bind(ps, provider, inputId);
            ps.setNull(4, Types.VARCHAR);
            ps.setLong(5, epochNanos(ordering.eventTime()));
            ps.setString(6, ordering.sequence());
            ps.setLong(7, clock.instant().plus(tombstoneTtl).getEpochSecond());
            ps.executeUpdate();
        }
    }

    /** The id's row, live or tombstone; a tombstone past its expiry is no row. */
    private Optional<Row> find(Connection c, ProviderId provider, String inputId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value, ord_t, ord_s, deleted, expires FROM inputs "
                + "WHERE namespace = ? AND provider = ? AND id = ?")) {
            bind(ps, provider, inputId);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                boolean deleted = r.getInt("deleted") != 0;
                long expires = r.getLong("expires");
                if (deleted && !r.wasNull() && expires <= clock.instant().getEpochSecond()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(deleted ? null : r.getString("value"), ordering(r)));
            }
        }
    }

    private static List<StoredInput> live(Connection c, ProviderId provider) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, value, ord_t, ord_s FROM inputs "
                + "INDEXED BY inputs_live WHERE namespace = ? AND provider = ? AND deleted = 0")) {
            ps.setString(1, provider.namespace());
            ps.setString(2, provider.name());
            List<StoredInput> out = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(new StoredInput(provider, r.getString("id"), StoredJson.readMap(r.getString("value")),
                            ordering(r)));
                }
            }
            // Java's string order, as the DynamoDB adapter sorts
            out.sort(Comparator.comparing(StoredInput::id));
            return out;
        }
    }

    private static Ordering ordering(ResultSet r) throws SQLException {
        long nanos = r.getLong("ord_t");
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        return new Ordering(t, r.getString("ord_s"));
    }

    private static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static void bind(PreparedStatement ps, ProviderId provider, String inputId) throws SQLException {
        ps.setString(1, provider.namespace());
        ps.setString(2, provider.name());
        ps.setString(3, inputId);
    }

}
