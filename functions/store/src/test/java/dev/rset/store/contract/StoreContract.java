package dev.rset.store.contract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The base of the port contracts: each test gets a fresh {@link StoreFixture} from the backend
 * under test, so tests never see each other's state and need no unique names.
 */
public abstract class StoreContract {
    protected static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    protected StoreFixture fixture;

    /** A new, empty state of the backend under test. */
    protected abstract StoreFixture newFixture();

    @BeforeEach
    void openFixture() {
        fixture = newFixture();
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    protected static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }
}
