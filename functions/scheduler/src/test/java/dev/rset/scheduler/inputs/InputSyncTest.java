package dev.rset.scheduler.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.store.InputStore;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.WriteOutcome;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A full poll against what webhooks left in the store (moto_server). */
@ExtendWith(MotoServer.class)
class InputSyncTest {
    static final Instant POLL = Instant.parse("2026-11-27T12:00:00Z");
    static final Ordering POLLED = new Ordering(POLL, "poll");
    static final ProviderId PRS = new ProviderId("apps", "prs");

    InputStore inputs;
    InputSync sync;

    @BeforeEach
    void table(MotoServer moto) {
        DynamoDbClient db = TestTables.dynamo(moto);
        inputs = new DynamoStores(db, TestTables.newTable(db, 1), Clock.fixed(POLL, ZoneOffset.UTC)).inputs();
        sync = new InputSync(inputs);
    }

    static Map<String, Object> pr(String id, String sha) {
        return Map.of("id", id, "sha", sha, "branch", "feature-" + id);
    }

    static Ordering webhook(String at, String delivery) {
        return new Ordering(Instant.parse(at), delivery);
    }

    List<String> liveIds() {
        return inputs.list(PRS).stream().map(StoredInput::id).toList();
    }

    @Test
    void writesOnlyWhatChangedAndRemovesWhatTheForgeNoLongerLists() {
        inputs.put(PRS, "1", pr("1", "aaa"), webhook("2026-11-27T10:00:00Z", "d1"));
        inputs.put(PRS, "2", pr("2", "bbb"), webhook("2026-11-27T10:01:00Z", "d2"));
        inputs.put(PRS, "3", pr("3", "ccc"), webhook("2026-11-27T10:02:00Z", "d3"));

        // #1 as stored, #2 pushed to, #3 closed while its webhook was lost, #4 opened likewise.
        SyncResult r = sync.apply(PRS, Map.of("1", pr("1", "aaa"), "2", pr("2", "bbb2"), "4", pr("4", "ddd")),
                POLLED, 100);

        assertEquals(Map.of("2", WriteOutcome.WRITTEN, "3", WriteOutcome.WRITTEN, "4", WriteOutcome.WRITTEN),
                r.writes(), "#1 needed no write");
        assertEquals(1, r.unchanged());
        assertTrue(r.changed());
        assertEquals(List.of("1", "2", "4"), liveIds());
        assertEquals("bbb2", inputs.get(PRS, "2").orElseThrow().values().get("sha"));

        SyncResult again = sync.apply(PRS, Map.of("1", pr("1", "aaa"), "2", pr("2", "bbb2"), "4", pr("4", "ddd")),
                new Ordering(POLL.plusSeconds(600), "poll"), 100);
        assertEquals(Map.of(), again.writes(), "a poll that finds nothing new writes nothing");
        assertFalse(again.changed());
    }

    @Test
    void theRemovalIsATombstoneThatALateWebhookCannotUndoButANewerOneCan() {
        inputs.put(PRS, "3", pr("3", "ccc"), webhook("2026-11-27T10:02:00Z", "d3"));
        sync.apply(PRS, Map.of(), POLLED, 100);
        assertEquals(List.of(), liveIds());
        // The "synchronize" of 11:00 arrives after the poll of 12:00 that saw #3 closed.
        assertEquals(WriteOutcome.STALE, inputs.put(PRS, "3", pr("3", "ccc2"), webhook("2026-11-27T11:00:00Z", "d4")));
        assertEquals(List.of(), liveIds());
        // Reopened after the poll.
        assertEquals(WriteOutcome.WRITTEN, inputs.put(PRS, "3", pr("3", "ccc3"), webhook("2026-11-27T12:00:05Z", "d5")));
        assertEquals(List.of("3"), liveIds());
    }

    @Test
    void aWebhookNewerThanThePollWins() {
        inputs.put(PRS, "5", pr("5", "new"), webhook("2026-11-27T12:00:01Z", "d9"));
        SyncResult r = sync.apply(PRS, Map.of("5", pr("5", "old")), POLLED, 100);
        assertEquals(Map.of("5", WriteOutcome.STALE), r.writes());
        assertFalse(r.changed());
        assertEquals("new", inputs.get(PRS, "5").orElseThrow().values().get("sha"));
    }

    @Test
    void atTheLimitRemovalsFreeThePlacesForTheNewcomers() {
        inputs.put(PRS, "1", pr("1", "a"), webhook("2026-11-27T10:00:00Z", "d1"), 2);
        inputs.put(PRS, "2", pr("2", "b"), webhook("2026-11-27T10:00:01Z", "d2"), 2);
        SyncResult r = sync.apply(PRS, Map.of("2", pr("2", "b"), "3", pr("3", "c")), POLLED, 2);
        assertEquals(Map.of("1", WriteOutcome.WRITTEN, "3", WriteOutcome.WRITTEN), r.writes());
        assertEquals(List.of("2", "3"), liveIds());
    }
}
