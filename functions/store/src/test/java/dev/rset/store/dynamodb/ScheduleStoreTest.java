package dev.rset.store.dynamodb;

import dev.rset.store.DueItem;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class ScheduleStoreTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static DynamoDbClient db;
    static DynamoConfig config;
    static DynamoScheduleStore store;

    @BeforeAll
    static void table(MotoServer moto) {
        db = TestTables.dynamo(moto);
        config = TestTables.newTable(db, 4);
        store = new DynamoScheduleStore(db, config);
    }

    static ObjectKey rsip(String name) {
        return new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "sched", name);
    }

    @Test
    void dueQueryReturnsOnlyDueUnsuspendedObjectsEarliestFirstAcrossShards() {
        DynamoConfig own = TestTables.newTable(db, 4);
        DynamoScheduleStore s = new DynamoScheduleStore(db, own);
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            ObjectKey k = rsip("p" + i);
            shards.add(TableDesign.shardOf(k, 4));
            // even: due in the past (older the larger i), odd: due in the future
            Instant due = i % 2 == 0 ? NOW.minusSeconds(i + 1) : NOW.plusSeconds(3600 + i);
            s.put(ScheduleState.initial(k).withNextDue(due).withSuspended(i == 4));
        }
        s.put(ScheduleState.initial(rsip("never")));
        s.put(ScheduleState.initial(rsip("exactly-now")).withNextDue(NOW));
        assertEquals(4, shards.size(), "test keys should cover every shard");

        DynamoScheduleStore.DueQueryResult r = s.dueWithCost(NOW, 100);
        List<String> names = r.items().stream().map(d -> d.key().name()).toList();
        assertEquals(20, names.size(), names.toString());
        assertEquals("p38", names.get(0));
        assertEquals("exactly-now", names.get(names.size() - 1));
        assertTrue(!names.contains("p4") && !names.contains("never") && !names.contains("p1"));
        assertEquals(20, r.hintsRead(), "only the hints of the hours up to now: the due objects' " + r);
        assertEquals(61 * 4, r.wheelItemsRead(), "09:00-09:59 and 10:00 (the hours holding hints), every shard");
        assertEquals(1 + 3 + 1, r.requests(), "index, three batch reads of the wheel, one of the 20 items");
        List<DueItem> limited = s.due(NOW, 3);
        assertEquals(List.of("p38", "p36", "p34"), limited.stream().map(d -> d.key().name()).toList());
        assertEquals(NOW.minusSeconds(39), limited.get(0).dueAt());
        assertTrue(s.due(NOW.minus(Duration.ofHours(1)), 100).isEmpty());
    }
}
