package dev.rset.store.contract;

import dev.rset.store.ConflictException;
import dev.rset.store.Inventory;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What every {@link InventoryStore} does: whole inventories of any size, per cluster, with versions. */
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

    @Test
    void twentyThousandEntriesRoundTripInOrderPerCluster() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "inv", "big");
        assertEquals(Inventory.EMPTY, store.get(k, "default"));
        List<InventoryEntry> big = entries(20_000, "a");
        assertEquals(1, store.put(k, "default", big, 0));
        Inventory got = store.get(k, "default");
        assertEquals(big, got.entries());
        assertEquals(1, got.version());

        List<InventoryEntry> small = entries(3, "b");
        assertEquals(2, store.put(k, "default", small, 1));
        assertEquals(new Inventory(small, 2), store.get(k, "default"));
        assertEquals(Inventory.EMPTY, store.get(k, "other-cluster"));
        assertEquals(Inventory.EMPTY, store.get(new ObjectKey(Kind.RESOURCE_SET, "inv", "other"), "default"));
        assertEquals(3, store.put(k, "default", List.of(), 2));
        assertEquals(new Inventory(List.of(), 3), store.get(k, "default"));
    }

    @Test
    void aStaleInventoryWriteConflictsAndChangesNothing() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "inv", "race");
        store.put(k, "default", entries(10, "a"), 0);
        store.put(k, "default", entries(5, "b"), 1);
        assertThrows(ConflictException.class, () -> store.put(k, "default", entries(7, "c"), 1));
        assertThrows(ConflictException.class, () -> store.put(k, "default", entries(7, "c"), 0));
        assertThrows(ConflictException.class, () -> store.put(k, "eu", entries(7, "c"), 4), "none stored there yet");
        assertEquals(new Inventory(entries(5, "b"), 2), store.get(k, "default"));
        assertEquals(Inventory.EMPTY, store.get(k, "eu"));
    }

    @Test
    void clustersAreThoseHoldingAnInventoryOfTheObjectOnlyByName() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "apps", "placed");
        ObjectKey other = new ObjectKey(Kind.RESOURCE_SET, "apps", "placed-too");
        assertEquals(List.of(), store.clusters(k));
        store.put(k, "prod-eu", entries(2, "a"), 0);
        store.put(k, "dev", List.of(), 0);
        store.put(other, "staging", entries(1, "b"), 0);
        assertEquals(2, store.put(k, "prod-eu", entries(3, "c"), 1));
        assertEquals(List.of("dev", "prod-eu"), store.clusters(k), "an empty inventory still counts");
        assertEquals(List.of("staging"), store.clusters(other));
    }

    @Test
    void clusterNamesMustBeUsableInKeys() {
        ObjectKey k = new ObjectKey(Kind.RESOURCE_SET, "inv", "app");
        assertThrows(IllegalArgumentException.class, () -> store.get(k, ""));
        assertThrows(IllegalArgumentException.class, () -> store.put(k, "a#b", entries(1, "a"), 0));
    }
}
