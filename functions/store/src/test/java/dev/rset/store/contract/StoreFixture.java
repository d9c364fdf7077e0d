package dev.rset.store.contract;

import dev.rset.store.DefinitionStore;
import dev.rset.store.InputStore;
import dev.rset.store.InventoryStore;
import dev.rset.store.PairRunStore;
import dev.rset.store.ScheduleStore;
import dev.rset.store.StatusStore;

import java.time.Clock;
import java.time.Duration;

/**
 * One empty state of a backend, of its own (a new table, a new database file), and the ports over
 * it. Ports that read the time take the clock a test gives them; two ports over one fixture share
 * the state, whatever their clocks. A new port goes here as one more method, implemented by each
 * backend's fixture.
 */
public interface StoreFixture extends AutoCloseable {
    /** The tombstone TTL the fixture's input stores use. */
    Duration TOMBSTONE_TTL = Duration.ofDays(7);

    DefinitionStore definitions(Clock clock);

    ScheduleStore schedules();

    InputStore inputs(Clock clock);

    InventoryStore inventories();

    StatusStore statuses();


    PairRunStore pairRuns();

    @Override
    default void close() {
    }
}
