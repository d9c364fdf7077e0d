package dev.rset.store.contract;

import dev.rset.store.ConflictException;
import dev.rset.store.DefinitionStore;
import dev.rset.store.DefinitionStore.ScheduleChange;
import dev.rset.store.DefinitionStore.Write;
import dev.rset.store.DueItem;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.ScheduleStore;
import dev.rset.store.StoredObject;
import dev.rset.store.TooLargeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link DefinitionStore} does: versions, generations, all-or-nothing apply with schedule changes. */
public abstract class DefinitionStoreContract extends StoreContract {
    protected DefinitionStore store;
    protected ScheduleStore schedules;

    @BeforeEach
    void ports() {
        store = fixture.definitions(at(NOW));
        schedules = fixture.schedules();
    }

    protected static Map<String, Object> rset(String ns, String name, Object spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "fluxcd.controlplane.io/v1");
        m.put("kind", "ResourceSet");
        m.put("metadata", Map.of("name", name, "namespace", ns));
        m.put("spec", spec);
        return m;
    }

    @Test
    void pagesFollowNamespaceThenNameAndSayWhetherMoreFollow() {
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
        assertEquals(NOW, got.updatedAt());

        assertEquals(List.of(a, c, b), store.list(Kind.RESOURCE_SET, "").stream().map(StoredObject::key).toList());
        assertEquals(List.of(a, c), store.list(Kind.RESOURCE_SET, "team-a").stream().map(StoredObject::key).toList());
        assertEquals(List.of(cluster), store.list(Kind.CLUSTER, "").stream().map(StoredObject::key).toList());
        assertEquals(Map.of("env", "prod"), store.list(Kind.CLUSTER, "").get(0).labels());
        assertTrue(store.list(Kind.RECEIVER, "").isEmpty());
        assertTrue(store.list(Kind.RESOURCE_SET, "team").isEmpty(), "a namespace is matched whole, not as a prefix");
        assertTrue(store.get(new ObjectKey(Kind.RESOURCE_SET, "team-a", "nope")).isEmpty());
    }

    @Test
    void numbersReadBackAsTheTemplateEngineTypes() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "types", "app");
        store.put(k, rset("types", "app", Map.of("int", 3, "big", 1_000_000, "float", 2.5, "list", List.of(1, "a"))),
                Map.of(), 0);
        Map<?, ?> spec = (Map<?, ?>) store.get(k).orElseThrow().manifest().get("spec");
        assertEquals(3L, spec.get("int"));
        assertEquals(1_000_000L, spec.get("big"));
        assertEquals(2.5d, spec.get("float"));
        assertEquals(List.of(1L, "a"), spec.get("list"));
    }

    @Test
    void generationCountsSpecChangesAndResourceVersionCountsWrites() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "gen", "app");
        StoredObject v1 = store.put(k, rset("gen", "app", Map.of("a", 1)), Map.of(), 0);
        StoredObject v2 = store.put(k, rset("gen", "app", Map.of("a", 1)), Map.of("new", "label"), v1.resourceVersion());
        assertEquals(1, v2.generation());
        assertEquals(2, v2.resourceVersion());
        StoredObject v3 = fixture.definitions(at(NOW.plusSeconds(60)))
                .put(k, rset("gen", "app", Map.of("a", 2)), Map.of(), v2.resourceVersion());
        assertEquals(2, v3.generation());
        StoredObject stored = store.get(k).orElseThrow();
        assertEquals(3, stored.resourceVersion());
        assertEquals(2, stored.generation());
        assertEquals(NOW, stored.createdAt());
        assertEquals(NOW.plusSeconds(60), stored.updatedAt());
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
        ConflictException gone = assertThrows(ConflictException.class,
                () -> store.put(new ObjectKey(Kind.RESOURCE_SET, "conf", "never"), rset("conf", "never", Map.of()),
                        Map.of(), 3));
        assertTrue(gone.getMessage().contains("conf/never"), gone.getMessage());
    }

    @Test
    void ofTwoWritersFromTheSameVersionTheLaterIsRefused() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "seq", "app");
        long read = store.put(k, rset("seq", "app", Map.of()), Map.of(), 0).resourceVersion();
        store.put(k, rset("seq", "app", Map.of("writer", "w1")), Map.of(), read);
        assertThrows(ConflictException.class,
                () -> store.put(k, rset("seq", "app", Map.of("writer", "w2")), Map.of(), read));
        StoredObject stored = store.get(k).orElseThrow();
        assertEquals(Map.of("writer", "w1"), stored.manifest().get("spec"));
        assertEquals(2, stored.resourceVersion());
    }

    @Test
    void applyIsAllOrNothingAndMovesScheduleEntriesInTheSameTransaction() {
        ObjectKey a = new ObjectKey(Kind.RESOURCE_SET, "multi", "a");
        ObjectKey b = new ObjectKey(Kind.RESOURCE_SET, "multi", "b");
        List<StoredObject> first = store.apply(List.of(
                new Write(a, rset("multi", "a", Map.of()), Map.of(), 0, ScheduleChange.DUE_NOW),
                new Write(b, rset("multi", "b", Map.of()), Map.of(), 0, ScheduleChange.SUSPEND)));
        assertEquals(List.of(1L, 1L), first.stream().map(StoredObject::resourceVersion).toList());
        assertEquals(Optional.of(NOW), schedules.get(a).orElseThrow().nextDue());
        assertTrue(schedules.get(b).orElseThrow().suspended());
        assertEquals(List.of(a), schedules.due(NOW, 10).stream().map(DueItem::key).toList());

        // b's expected version is stale: neither a nor b changes
        ConflictException e = assertThrows(ConflictException.class, () -> store.apply(List.of(
                new Write(a, rset("multi", "a", Map.of("x", 1)), Map.of(), 1, ScheduleChange.SUSPEND),
                new Write(b, rset("multi", "b", Map.of("x", 1)), Map.of(), 5, ScheduleChange.DUE_NOW))));
        assertTrue(e.getMessage().contains("multi/b"), e.getMessage());
        assertEquals(Map.of(), store.get(a).orElseThrow().manifest().get("spec"));
        assertTrue(schedules.get(b).orElseThrow().suspended());
        assertEquals(List.of(a), schedules.due(NOW, 10).stream().map(DueItem::key).toList());

        // a creation of an object that exists names it, and nothing else is written
        ObjectKey c = new ObjectKey(Kind.RESOURCE_SET, "multi", "c");
        store.put(c, rset("multi", "c", Map.of()), Map.of(), 0);
        ConflictException exists = assertThrows(ConflictException.class, () -> store.apply(List.of(
                new Write(a, rset("multi", "a", Map.of("y", 1)), Map.of(), 1, ScheduleChange.NONE),
                new Write(c, rset("multi", "c", Map.of()), Map.of(), 0, ScheduleChange.NONE))));
        assertTrue(exists.getMessage().contains("multi/c already exists"), exists.getMessage());
        assertEquals(1, store.get(a).orElseThrow().resourceVersion());

        // resuming bumps the schedule version, so a scheduler holding the old state must re-read
        ScheduleState held = schedules.get(b).orElseThrow();
        store.apply(List.of(new Write(b, rset("multi", "b", Map.of()), Map.of(), 1, ScheduleChange.DUE_NOW)));
        assertThrows(ConflictException.class, () -> schedules.put(held.withNextDue(NOW.plusSeconds(60))));
        assertTrue(schedules.get(b).orElseThrow().isDue(NOW));
        assertEquals(List.of(a, b), schedules.due(NOW, 10).stream().map(DueItem::key).toList());
    }

    @Test
    void applyKeepsTheSchedulersFieldsAndNoneLeavesTheEntryAlone() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "keep", "app");
        schedules.put(ScheduleState.initial(k).withNextDue(NOW.plusSeconds(600)).withWindowEnd(NOW.plusSeconds(900))
                .withLastReconcile(NOW.minusSeconds(60)));
        store.apply(List.of(new Write(k, rset("keep", "app", Map.of()), Map.of(), 0, ScheduleChange.NONE)));
        ScheduleState untouched = schedules.get(k).orElseThrow();
        assertEquals(1, untouched.version());
        store.apply(List.of(new Write(k, rset("keep", "app", Map.of("x", 1)), Map.of(), 1, ScheduleChange.DUE_NOW)));
        ScheduleState due = schedules.get(k).orElseThrow();
        assertEquals(Optional.of(NOW), due.nextDue());
        assertEquals(Optional.of(NOW.plusSeconds(900)), due.windowEnd());
        assertEquals(Optional.of(NOW.minusSeconds(60)), due.lastReconcile());
        assertEquals(2, due.version());
    }

    @Test
    void applyRefusesNoObjectsTooManyOrTheSameTwice() {
        assertThrows(IllegalArgumentException.class, () -> store.apply(List.of()));
        List<Write> tooMany = new ArrayList<>();
        for (int i = 0; i <= DefinitionStore.MAX_WRITES; i++) {
            tooMany.add(new Write(new ObjectKey(Kind.RESOURCE_SET, "many", "o" + i), rset("many", "o" + i, Map.of()),
                    Map.of(), 0, ScheduleChange.NONE));
        }
        assertThrows(IllegalArgumentException.class, () -> store.apply(tooMany));
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "many", "twice");
        Write w = new Write(k, rset("many", "twice", Map.of()), Map.of(), 0, ScheduleChange.NONE);
        assertThrows(IllegalArgumentException.class, () -> store.apply(List.of(w, w)));
        assertTrue(store.list(Kind.RESOURCE_SET, "many").isEmpty());
    }

    @Test
    void deleteChecksTheVersionAndRemovesTheScheduleEntry() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "del", "prs");
        store.put(k, Map.of("kind", "ResourceSetInputProvider", "spec", Map.of()), Map.of(), 0);
        schedules.put(ScheduleState.initial(k).withNextDue(NOW));
        assertThrows(ConflictException.class, () -> store.delete(k, 7));
        assertTrue(store.get(k).isPresent());
        store.delete(k, 1);
        assertTrue(store.get(k).isEmpty());
        assertTrue(schedules.get(k).isEmpty());
        assertTrue(schedules.due(NOW, 10).isEmpty());
        assertThrows(ConflictException.class, () -> store.delete(k, 1));
        // it can be created again from scratch
        assertEquals(1, store.put(k, Map.of("kind", "ResourceSetInputProvider"), Map.of(), 0).resourceVersion());
    }

    @Test
    void largeManifestsAreStoredAndOnesTooLargeForDynamoDbRefused() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "big", "app");
        // ~900 KB of repetitive YAML-like text compresses far below the limit
        String text = "apiVersion: v1\nkind: ConfigMap\n".repeat(30_000);
        store.put(k, rset("big", "app", Map.of("resourcesTemplate", text)), Map.of(), 0);
        assertEquals(text, ((Map<?, ?>) store.get(k).orElseThrow().manifest().get("spec")).get("resourcesTemplate"));

        ObjectKey r = new ObjectKey(Kind.RESOURCE_SET, "big", "random");
        byte[] noise = new byte[600_000];
        new Random(1).nextBytes(noise);
        String random = Base64.getEncoder().encodeToString(noise);
        TooLargeException e = assertThrows(TooLargeException.class,
                () -> store.put(r, rset("big", "random", Map.of("resourcesTemplate", random)), Map.of(), 0));
        assertTrue(e.getMessage().contains("ResourceSet big/random"), e.getMessage());
        assertTrue(store.get(r).isEmpty());
    }
}
