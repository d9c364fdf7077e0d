package dev.rset.reconciler.cleanup;

import dev.rset.delivery.Change;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.ObjectRef;
import dev.rset.store.Inventory;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.InventoryStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes what a ResourceSet applied on one cluster: each inventory's objects are pruned (those
 * without our owner labels or with {@code prune: disabled} are left alone by the session), then
 * the inventory is removed with its version guard.
 */
public final class Teardown {
    private Teardown() {
    }

    public static List<Change> prune(ClusterSession session, InventoryStore inventories, List<InventoryKey> keys,
            Map<String, String> ownerLabels, Duration timeout) {
        List<Change> changes = new ArrayList<>();
        for (InventoryKey key : keys) {
            Inventory inventory = inventories.get(key);
            changes.addAll(session.prune(refs(inventory.entries()), ownerLabels, timeout));
            inventories.delete(key, inventory.version());
        }
        return changes;
    }

    public static List<ObjectRef> refs(List<InventoryEntry> entries) {
        return entries.stream().map(e -> ObjectRef.fromInventory(e.id(), e.version())).toList();
    }
}
