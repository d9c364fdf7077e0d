package dev.rset.store.sqlite;

import dev.rset.store.InputStore;
import dev.rset.store.ProviderId;
import dev.rset.store.WriteOutcome;
import dev.rset.store.contract.InputStoreContract;
import dev.rset.store.contract.StoreFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqliteInputStoreTest extends InputStoreContract {
    @Override
    protected StoreFixture newFixture() {
        return new SqliteFixture();
    }

    @Test
    void aTombstonePastItsTtlNoLongerGuards() {
        ProviderId p = new ProviderId("apps", "prs");
        store.put(p, "5", pr(5, "a"), at(1, "opened"));
        store.remove(p, "5", at(3, "closed"));
        InputStore expired = fixture.inputs(at(NOW.plus(StoreFixture.TOMBSTONE_TTL)));
        assertEquals(WriteOutcome.WRITTEN, expired.put(p, "5", pr(5, "late"), at(2, "opened")),
                "expired on read, as DynamoDB's TTL would delete it");
        assertEquals("late", expired.get(p, "5").orElseThrow().values().get("sha"));
    }

    @Test
    void aHandedOverPlaceLapsesWhenItsSuccessorNeverComes() {
        ProviderId p = new ProviderId("apps", "prs");
        store.put(p, "1", pr(1, "a"), at(1, "o1"), 1);
        store.evict(store.get(p, "1").orElseThrow(), "2");
        assertEquals(WriteOutcome.FULL, store.put(p, "3", pr(3, "a"), at(2, "o3"), 1));
        InputStore later = fixture.inputs(at(NOW.plus(SqliteInputStore.HANDED_PLACE_TTL)));
        assertEquals(WriteOutcome.WRITTEN, later.put(p, "3", pr(3, "a"), at(2, "o3"), 1));
        assertEquals(List.of("3"), ids(later.list(p)));
    }
}
