package dev.rset.store;

import java.util.List;

/** The objects a ResourceSet applied to one target, as last recorded; {@code version} 0 = none. */
public record Inventory(List<InventoryEntry> entries, long version) {
    public Inventory {
        entries = List.copyOf(entries);
    }

    public static final Inventory EMPTY = new Inventory(List.of(), 0);
}
