package dev.rset.reconciler.inventory;

import dev.rset.delivery.ObjectRef;
import dev.rset.store.InventoryEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Inventory entries from applied objects, and what left an inventory between two runs. */
public final class InventoryDiff {
    private InventoryDiff() {
    }

    /** One entry per object (Flux's {@code <namespace>_<name>_<group>_<kind>} and its version), first wins. */
    public static List<InventoryEntry> entries(Collection<ObjectRef> objects) {
        Map<String, InventoryEntry> out = new LinkedHashMap<>();
        for (ObjectRef o : objects) {
            out.putIfAbsent(o.inventoryId(), new InventoryEntry(o.inventoryId(), o.version()));
        }
        return List.copyOf(out.values());
    }

    /** The objects of {@code previous} that are not in {@code next}: those to garbage-collect. */
    public static List<ObjectRef> stale(Collection<InventoryEntry> previous, Collection<InventoryEntry> next) {
        Set<String> kept = next.stream().map(InventoryEntry::id).collect(Collectors.toSet());
        Map<String, ObjectRef> out = new LinkedHashMap<>();
        for (InventoryEntry e : previous) {
            if (!kept.contains(e.id())) {
                out.putIfAbsent(e.id(), ObjectRef.fromInventory(e.id(), e.version()));
            }
        }
        return List.copyOf(out.values());
    }

    /** {@code previous} then what {@code added} has beyond it (a failed run forgets nothing it may have applied). */
    public static List<InventoryEntry> union(Collection<InventoryEntry> previous, Collection<InventoryEntry> added) {
        Map<String, InventoryEntry> out = new LinkedHashMap<>();
        previous.forEach(e -> out.putIfAbsent(e.id(), e));
        added.forEach(e -> out.putIfAbsent(e.id(), e));
        return new ArrayList<>(out.values());
    }
}
