package dev.rset.store.contract;

import dev.rset.store.ConflictException;
import dev.rset.store.Inventory;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.InventoryStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What every {@link InventoryStore} does: whole inventories of any size per (ResourceSet uid, cluster), with versions. */
public abstract class InventoryStoreContract extends StoreContract {
    protected InventoryStore store;

    @BeforeEach
    void port() {
        store = fixture.inventories();
    }

    protected static List<InventoryEntry> entries(int n, String suffix) {
        List<InventoryEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new InventoryEntry("preview-" + i + "_app-" + suffix + "-" + i + "_apps_Deployment", "v1"));
        }
        return out;
    }

    protected static InventoryKey inv(ObjectKey owner, String cluster) {
        return new InventoryKey(owner, "uid-1", cluster);
    }

    @Test
    void twentyThousandEntriesRoundTripInOrderPerCluster() {
        ObjectKey o = new ObjectKey(Kind.RESOURCE_SET, "inv", "big");
        InventoryKey k = inv(o, "default");
        assertEquals(Inventory.EMPTY, store.get(k));
        List<InventoryEntry> big = entries(20_000, "a");
        assertEquals(1, store.put(k, big, 0));
        Inventory got = store.get(k);
        assertEquals(big, got.entries());
        assertEquals(1, got.version());

        List<InventoryEntry> small = entries(3, "b");
        assertEquals(2, store.put(k, small, 1));
        assertEquals(new Inventory(small, 2), store.get(k));
        assertEquals(Inventory.EMPTY, store.get(inv(o, "other-cluster")));
        assertEquals(Inventory.EMPTY, store.get(inv(new ObjectKey(Kind.RESOURCE_SET, "inv", "other"), "default")));
        assertEquals(3, store.put(k, List.of(), 2));
        assertEquals(new Inventory(List.of(), 3), store.get(k));
    }

    @Test
    void aStaleInventoryWriteConflictsAndChangesNothing() {
        ObjectKey o = new ObjectKey(Kind.RESOURCE_SET, "inv", "race");
        InventoryKey k = inv(o, "default");
        store.put(k, entries(10, "a"), 0);
        store.put(k, entries(5, "b"), 1);
        assertThrows(ConflictException.class, () -> store.put(k, entries(7, "c"), 1));
        assertThrows(ConflictException.class, () -> store.put(k, entries(7, "c"), 0));
        assertThrows(ConflictException.class, () -> store.put(inv(o, "eu"), entries(7, "c"), 4),
                "none stored there yet");
        assertEquals(new Inventory(entries(5, "b"), 2), store.get(k));
        assertEquals(Inventory.EMPTY, store.get(inv(o, "eu")));
    }

    @Test
    void aRecreatedResourceSetHasItsOwnInventoryAndListingFindsEveryUidAndCluster() {
        ObjectKey o = new ObjectKey(Kind.RESOURCE_SET, "inv", "recreated");
        InventoryKey old = new InventoryKey(o, "uid-old", "a");
        InventoryKey fresh = new InventoryKey(o, "uid-new", "a");
        InventoryKey onB = new InventoryKey(o, "uid-new", "b");
        store.put(old, entries(4, "old"), 0);
        assertEquals(Inventory.EMPTY, store.get(fresh), "a new uid starts clean");
        store.put(fresh, entries(2, "new"), 0);
        store.put(onB, entries(1, "new"), 0);
        assertEquals(entries(4, "old"), store.get(old).entries());
        assertEquals(Set.of(old, fresh, onB), new HashSet<>(store.list(o)));
        assertEquals(3, store.list(o).size());
        assertEquals(List.of(), store.list(new ObjectKey(Kind.RESOURCE_SET, "inv", "recreate")),
                "a name that is a prefix of another lists nothing of the other's");
    }

    @Test
    void deletingAnInventoryIsGuardedByItsVersion() {
        ObjectKey o = new ObjectKey(Kind.RESOURCE_SET, "inv", "gone");
        InventoryKey k = inv(o, "a");
        store.put(k, entries(5, "a"), 0);
        store.put(k, entries(6, "b"), 1);
        assertThrows(ConflictException.class, () -> store.delete(k, 1));
        assertEquals(6, store.get(k).entries().size());
        store.delete(k, 2);
        assertEquals(Inventory.EMPTY, store.get(k));
        assertEquals(List.of(), store.list(o));
        store.delete(k, 0);
        assertThrows(ConflictException.class, () -> store.delete(k, 2), "gone: its version with it");
        assertEquals(1, store.put(k, entries(1, "c"), 0), "and it starts again from none");
        store.delete(k, 0);
        assertEquals(Inventory.EMPTY, store.get(k), "version 0 deletes whatever is stored");
    }

    @Test
    void clustersAreThoseHoldingAnInventoryOfTheObjectOnlyByName() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "apps", "placed");
        ObjectKey other = new ObjectKey(Kind.RESOURCE_SET, "apps", "placed-too");
        assertEquals(List.of(), store.clusters(k));
        store.put(inv(k, "prod-eu"), entries(2, "a"), 0);
        store.put(inv(k, "dev"), List.of(), 0);
        store.put(new InventoryKey(k, "uid-earlier", "dev"), entries(1, "d"), 0);
        store.put(inv(other, "staging"), entries(1, "b"), 0);
        assertEquals(2, store.put(inv(k, "prod-eu"), entries(3, "c"), 1));
        assertEquals(List.of("dev", "prod-eu"), store.clusters(k),
                "an empty inventory still counts, and a cluster with inventories of two uids once");
        assertEquals(List.of("staging"), store.clusters(other));
    }
}
