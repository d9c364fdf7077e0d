package dev.rset.store;

import java.util.List;

/**
 * Inventories, kept across several items so that thousands of entries never hit the item size
 * limit. A reader sees either the previous or the new inventory, never a mix.
 */
public interface InventoryStore {
    /** The current inventory of {@code key} on cluster {@code cluster}, or {@link Inventory#EMPTY}. */
    Inventory get(ObjectKey key, String cluster);

    /**
     * Replaces the inventory when the stored version equals {@code expectedVersion} (0: none
     * stored yet); returns the new version; throws {@link ConflictException} otherwise.
     */
    long put(ObjectKey key, String cluster, List<InventoryEntry> entries, long expectedVersion);

    /**
     * The clusters {@code key} has an inventory on, sorted by name: where it applied objects, so
     * a removed placement or a deleted ResourceSet can still be pruned there.
     */
    List<String> clusters(ObjectKey key);
}
