package dev.rset.store;

import java.util.List;

/**
 * Inventories, kept across several items so that thousands of entries never hit the item size
 * limit. A reader sees either the previous or the new inventory, never a mix.
 */
public interface InventoryStore {
    /** The current inventory, or {@link Inventory#EMPTY}. */
    Inventory get(InventoryKey key);

    /**
     * Replaces the inventory when the stored version equals {@code expectedVersion} (0: none
     * stored yet); returns the new version; throws {@link ConflictException} otherwise.
     */
    long put(InventoryKey key, List<InventoryEntry> entries, long expectedVersion);

    /**
     * Removes the inventory when the stored version equals {@code expectedVersion}; throws
     * {@link ConflictException} otherwise. Removing one that is already gone is not an error when
     * {@code expectedVersion} is 0.
     */
    void delete(InventoryKey key, long expectedVersion);

    /** Every inventory stored for {@code owner}: each uid it had, on each cluster. */
    List<InventoryKey> list(ObjectKey owner);

    /**
     * The clusters {@code owner} has an inventory on (any uid), sorted by name: where it applied
     * objects, so a removed placement or a deleted ResourceSet can still be pruned there.
     */
    default List<String> clusters(ObjectKey owner) {
        return list(owner).stream().map(InventoryKey::cluster).distinct().sorted().toList();
    }
}
