package dev.rset.store.sqlite;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;

/**
 * Every store port over one SQLite file under {@code rset dev}'s state directory, safe to share by
 * all the threads of the process. Close it on shutdown.
 */
public final class SqliteStores implements AutoCloseable {
    /** The database file's name under the state directory. */
    public static final String FILE_NAME = "state.db";
    /** As long as the DynamoDB adapter's: a removed input's tombstone guards against late deliveries. */
    public static final Duration DEFAULT_TOMBSTONE_TTL = Duration.ofDays(7);

    private final SqliteDatabase db;
    private final Clock clock;
    private final SqliteDefinitionStore definitions;
    private final SqliteInputStore inputs;
    private final SqliteScheduleStore schedules;
    private final SqliteInventoryStore inventories;
    private final SqliteStatusStore statuses;
    private final SqlitePairRunStore pairRuns;

    private SqliteStores(SqliteDatabase db, Clock clock, Duration tombstoneTtl) {
        this.db = db;
        this.clock = clock;
        this.definitions = new SqliteDefinitionStore(db, clock);
        this.inputs = new SqliteInputStore(db, clock, tombstoneTtl);
        this.schedules = new SqliteScheduleStore(db);
        this.inventories = new SqliteInventoryStore(db);
        this.statuses = new SqliteStatusStore(db);
        this.pairRuns = new SqlitePairRunStore(db, clock);
    }

    /** Opens (creating it if needed) {@code <stateDir>/state.db} and drops what expired while nothing ran. */
    public static SqliteStores open(Path stateDir, Clock clock) {
        SqliteStores stores = new SqliteStores(SqliteDatabase.open(stateDir.resolve(FILE_NAME)), clock,
                DEFAULT_TOMBSTONE_TTL);
        stores.purgeExpired();
        return stores;
    }

    /**
     * Deletes expired tombstones, run records and handed-over places. Reads already ignore them;
     * this only keeps the file from growing, so call it now and then (e.g. on the scheduler's tick).
     */
    public void purgeExpired() {
        long nowSeconds = clock.instant().getEpochSecond();
        long placesBefore = clock.instant().minus(SqliteInputStore.HANDED_PLACE_TTL).toEpochMilli();
        db.write(c -> {
            try (PreparedStatement inputs = c.prepareStatement("DELETE FROM inputs WHERE expires <= ?");
                    PreparedStatement places = c.prepareStatement("DELETE FROM input_places WHERE handed_at <= ?");
                    PreparedStatement runs = c.prepareStatement("DELETE FROM pair_runs WHERE expires <= ?")) {
                inputs.setLong(1, nowSeconds);
                inputs.executeUpdate();
                places.setLong(1, placesBefore);
                places.executeUpdate();
                runs.setLong(1, nowSeconds);
                runs.executeUpdate();
            }
            return null;
        });
    }

    public SqliteDatabase database() {
        return db;
    }

    public SqliteDefinitionStore definitions() {
        return definitions;
    }

    public SqliteInputStore inputs() {
        return inputs;
    }

    public SqliteScheduleStore schedules() {
        return schedules;
    }

    public SqliteInventoryStore inventories() {
        return inventories;
    }

    public SqliteStatusStore statuses() {
        return statuses;
    }

    public SqlitePairRunStore pairRuns() {
        return pairRuns;
    }

    @Override
    public void close() {
        db.close();
    }
}
