package dev.rset.store.sqlite;

import dev.rset.store.DefinitionStore;
import dev.rset.store.InputStore;
import dev.rset.store.InventoryStore;
import dev.rset.store.PairRunStore;
import dev.rset.store.ScheduleStore;
import dev.rset.store.StatusStore;
import dev.rset.store.contract.StoreFixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/** A new database file in a temporary directory, deleted on close. */
final class SqliteFixture implements StoreFixture {
    private final Path dir;
    private final SqliteDatabase db;

    SqliteFixture() {
        try {
            dir = Files.createTempDirectory("rset-sqlite-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = SqliteDatabase.open(dir.resolve(SqliteStores.FILE_NAME));
    }

    @Override
    public DefinitionStore definitions(Clock clock) {
        return new SqliteDefinitionStore(db, clock);
    }

    @Override
    public ScheduleStore schedules() {
        return new SqliteScheduleStore(db);
    }

    @Override
    public InputStore inputs(Clock clock) {
        return new SqliteInputStore(db, clock, TOMBSTONE_TTL);
    }

    @Override
    public InventoryStore inventories() {
        return new SqliteInventoryStore(db);
    }

    @Override
    public StatusStore statuses() {
        return new SqliteStatusStore(db);
    }

    @Override
    public PairRunStore pairRuns() {
        return new SqlitePairRunStore(db, Clock.systemUTC());
    }

    @Override
    public void close() {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
