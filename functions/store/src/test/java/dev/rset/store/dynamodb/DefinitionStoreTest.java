package dev.rset.store.dynamodb;

import dev.rset.store.ConflictException;
import dev.rset.store.DefinitionStore.ScheduleChange;
import dev.rset.store.DefinitionStore.Write;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.StoredObject;
import dev.rset.store.TooLargeException;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.Race;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class DefinitionStoreTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static DynamoDbClient db;
    static DynamoConfig config;
    static DynamoDefinitionStore store;

    @BeforeAll
    static void table(MotoServer moto) {
        db = TestTables.dynamo(moto);
        config = TestTables.newTable(db, 2);
        store = new DynamoDefinitionStore(db, config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Map<String, Object> rset(String ns, String name, Object spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "fluxcd.controlplane.io/v1");
        m.put("kind", "ResourceSet");
        m.put("metadata", Map.of("name", name, "namespace", ns));
        m.put("spec", spec);
        return m;
    }

    @Test
    void pagesFollowNamespaceThenNameAndSayWhetherMoreFollow() {
        DynamoDefinitionStore store = new DynamoDefinitionStore(db, TestTables.newTable(db, 2),
                Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> names = List.of("a", "b", "c", "d", "e");
        for (String ns : List.of("page-x", "page-y")) {
            for (String n : names) {
                store.put(new ObjectKey(Kind.RECEIVER, ns, n), rset(ns, n, Map.of()), Map.of(), 0);
            }
        }
        List<String> seen = new java.util.ArrayList<>();
        ObjectKey after = null;
        int pages = 0;
        while (true) {
            var page = store.list(Kind.RECEIVER, "", after, 3);
            pages++;
            page.items().forEach(o -> seen.add(o.key().namespace() + "/" + o.key().name()));
            if (!page.more()) {
                break;
            }
            after = page.items().get(page.items().size() - 1).key();
        }
        assertEquals(4, pages, "10 objects by 3, and the last page knows it is the last");
        assertEquals(store.list(Kind.RECEIVER, "").stream().map(o -> o.key().namespace() + "/" + o.key().name())
                .toList(), seen);
        var inNamespace = store.list(Kind.RECEIVER, "page-y", new ObjectKey(Kind.RECEIVER, "page-y", "b"), 2);
        assertEquals(List.of("c", "d"), inNamespace.items().stream().map(o -> o.key().name()).toList());
        assertTrue(inNamespace.more());
        var last = store.list(Kind.RECEIVER, "page-y", new ObjectKey(Kind.RECEIVER, "page-y", "c"), 2);
        assertEquals(List.of("d", "e"), last.items().stream().map(o -> o.key().name()).toList());
        assertEquals(false, last.more(), "exactly the page size left: no further page");
    }

    @Test
    void createGetAndListByKindAndNamespace() {
        ObjectKey a = new ObjectKey(Kind.RESOURCE_SET, "team-a", "app");
        ObjectKey b = new ObjectKey(Kind.RESOURCE_SET, "team-b", "app");
        ObjectKey c = new ObjectKey(Kind.RESOURCE_SET, "team-a", "db");
        ObjectKey cluster = new ObjectKey(Kind.CLUSTER, "", "prod-eu");
        store.put(a, rset("team-a", "app", Map.of("inputs", List.of())), Map.of("tier", "web"), 0);
        store.put(b, rset("team-b", "app", Map.of()), Map.of(), 0);
        store.put(c, rset("team-a", "db", Map.of()), Map.of(), 0);
        store.put(cluster, Map.of("kind", "Cluster", "spec", Map.of("server", "https://x")), Map.of("env", "prod"), 0);

        StoredObject got = store.get(a).orElseThrow();
        assertEquals(1, got.generation());
        assertEquals(1, got.resourceVersion());
        assertEquals(Map.of("tier", "web"), got.labels());
        assertEquals(rset("team-a", "app", Map.of("inputs", List.of())), got.manifest());
        assertEquals(NOW, got.createdAt());

        assertEquals(List.of(a, c, b), store.list(Kind.RESOURCE_SET, "").stream().filter(o ->
                o.key().namespace().startsWith("team-")).map(StoredObject::key).toList());
        assertEquals(List.of(a, c), store.list(Kind.RESOURCE_SET, "team-a").stream().map(StoredObject::key).toList());
        assertEquals(List.of(cluster), store.list(Kind.CLUSTER, "").stream().map(StoredObject::key).toList());
        assertTrue(store.list(Kind.RECEIVER, "").isEmpty());
        assertTrue(store.get(new ObjectKey(Kind.RESOURCE_SET, "team-a", "nope")).isEmpty());
    }

    @Test
    void generationCountsSpecChangesAndResourceVersionCountsWrites() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "gen", "app");
        StoredObject v1 = store.put(k, rset("gen", "app", Map.of("a", 1)), Map.of(), 0);
        StoredObject v2 = store.put(k, rset("gen", "app", Map.of("a", 1)), Map.of("new", "label"), v1.resourceVersion());
        assertEquals(1, v2.generation());
        assertEquals(2, v2.resourceVersion());
        StoredObject v3 = store.put(k, rset("gen", "app", Map.of("a", 2)), Map.of(), v2.resourceVersion());
        assertEquals(2, v3.generation());
        assertEquals(3, store.get(k).orElseThrow().resourceVersion());
    }

    @Test
    void createTwiceAndStaleVersionsConflict() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "conf", "app");
        store.put(k, rset("conf", "app", Map.of()), Map.of(), 0);
        assertThrows(ConflictException.class, () -> store.put(k, rset("conf", "app", Map.of()), Map.of(), 0));
        store.put(k, rset("conf", "app", Map.of("x", 1)), Map.of(), 1);
        ConflictException e = assertThrows(ConflictException.class,
                () -> store.put(k, rset("conf", "app", Map.of("x", 2)), Map.of(), 1));
        assertTrue(e.getMessage().contains("ResourceSet conf/app"), e.getMessage());
        assertEquals(Map.of("x", 1L), store.get(k).orElseThrow().manifest().get("spec"));
    }

    @Test
    void twoWritersFromTheSameVersionOneWinsTheOtherConflicts() throws Exception {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "race", "app");
        store.put(k, rset("race", "app", Map.of()), Map.of(), 0);
        List<String> outcomes = Race.run(2, n -> () -> {
            String w = "w" + (n + 1);
            try {
                store.put(k, rset("race", "app", Map.of("writer", w)), Map.of(), 1);
                return "won:" + w;
            } catch (ConflictException e) {
                return "conflict";
            }
        });
        assertEquals(1, outcomes.stream().filter(o -> o.equals("conflict")).count(), outcomes.toString());
        String winner = outcomes.stream().filter(o -> o.startsWith("won:")).findFirst().orElseThrow().substring(4);
        assertEquals(Map.of("writer", winner), store.get(k).orElseThrow().manifest().get("spec"));
        assertEquals(2, store.get(k).orElseThrow().resourceVersion());
    }

    @Test
    void applyIsAllOrNothingAndMovesScheduleEntriesInTheSameTransaction() {
        DynamoScheduleStore schedules = new DynamoScheduleStore(db, config);
        ObjectKey a = new ObjectKey(Kind.RESOURCE_SET, "multi", "a");
        ObjectKey b = new ObjectKey(Kind.RESOURCE_SET, "multi", "b");
        List<StoredObject> first = store.apply(List.of(
                new Write(a, rset("multi", "a", Map.of()), Map.of(), 0, ScheduleChange.DUE_NOW),
                new Write(b, rset("multi", "b", Map.of()), Map.of(), 0, ScheduleChange.SUSPEND)));
        assertEquals(List.of(1L, 1L), first.stream().map(StoredObject::resourceVersion).toList());
        assertEquals(java.util.Optional.of(NOW), schedules.get(a).orElseThrow().nextDue());
        assertTrue(schedules.get(b).orElseThrow().suspended());
        assertEquals(List.of(a), schedules.due(NOW, 10).stream().map(dev.rset.store.DueItem::key)
                .filter(k -> k.namespace().equals("multi")).toList());

        // b's expected version is stale: neither a nor b changes
        ConflictException e = assertThrows(ConflictException.class, () -> store.apply(List.of(
                new Write(a, rset("multi", "a", Map.of("x", 1)), Map.of(), 1, ScheduleChange.SUSPEND),
                new Write(b, rset("multi", "b", Map.of("x", 1)), Map.of(), 5, ScheduleChange.DUE_NOW))));
        assertTrue(e.getMessage().contains("multi/b"), e.getMessage());
        assertEquals(Map.of(), store.get(a).orElseThrow().manifest().get("spec"));
        assertTrue(schedules.get(b).orElseThrow().suspended());

        // a concurrent creation detected only by the transaction's condition still names the object
        ObjectKey c = new ObjectKey(Kind.RESOURCE_SET, "multi", "c");
        store.put(c, rset("multi", "c", Map.of()), Map.of(), 0);
        ConflictException exists = assertThrows(ConflictException.class, () -> store.apply(List.of(
                new Write(a, rset("multi", "a", Map.of("y", 1)), Map.of(), 1, ScheduleChange.NONE),
                new Write(c, rset("multi", "c", Map.of()), Map.of(), 0, ScheduleChange.NONE))));
        assertTrue(exists.getMessage().contains("multi/c already exists"), exists.getMessage());
        assertEquals(1, store.get(a).orElseThrow().resourceVersion());

        // resuming bumps the schedule version, so a scheduler holding the old state must re-read
        dev.rset.store.ScheduleState held = schedules.get(b).orElseThrow();
        store.apply(List.of(new Write(b, rset("multi", "b", Map.of()), Map.of(), 1, ScheduleChange.DUE_NOW)));
        assertThrows(ConflictException.class, () -> schedules.put(held.withNextDue(NOW.plusSeconds(60))));
        assertTrue(schedules.get(b).orElseThrow().isDue(NOW));
    }

    @Test
    void deleteChecksTheVersionAndRemovesTheScheduleEntry() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "del", "prs");
        store.put(k, Map.of("kind", "ResourceSetInputProvider", "spec", Map.of()), Map.of(), 0);
        DynamoScheduleStore schedules = new DynamoScheduleStore(db, config);
        schedules.put(ScheduleState.initial(k).withNextDue(NOW));
        assertThrows(ConflictException.class, () -> store.delete(k, 7));
        assertTrue(store.get(k).isPresent());
        store.delete(k, 1);
        assertTrue(store.get(k).isEmpty());
        assertTrue(schedules.get(k).isEmpty());
        assertThrows(ConflictException.class, () -> store.delete(k, 1));
    }

    @Test
    void largeManifestsAreCompressedAndIncompressibleOnesRejected() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "big", "app");
        // ~900 KB of repetitive YAML-like text compresses far below the item limit
        String text = "apiVersion: v1\nkind: ConfigMap\n".repeat(30_000);
        store.put(k, rset("big", "app", Map.of("resourcesTemplate", text)), Map.of(), 0);
        assertEquals(text, ((Map<?, ?>) store.get(k).orElseThrow().manifest().get("spec")).get("resourcesTemplate"));

        ObjectKey r = new ObjectKey(Kind.RESOURCE_SET, "big", "random");
        byte[] noise = new byte[600_000];
        new Random(1).nextBytes(noise);
        String random = java.util.Base64.getEncoder().encodeToString(noise);
        assertThrows(TooLargeException.class,
                () -> store.put(r, rset("big", "random", Map.of("resourcesTemplate", random)), Map.of(), 0));
        assertTrue(store.get(r).isEmpty());
    }
}
