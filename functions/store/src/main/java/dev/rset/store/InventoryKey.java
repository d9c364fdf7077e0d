package dev.rset.store;

/**
 * Which inventory: the objects one ResourceSet applied on one cluster. The ResourceSet's uid is
 * part of the key, so a ResourceSet deleted and created again under the same name starts with an
 * empty inventory, while the previous one's objects stay listed until they are pruned.
 */
public record InventoryKey(ObjectKey owner, String uid, String cluster) {
    public InventoryKey {
        Keys.requireSafe("uid of " + owner, uid);
        Keys.requireSafe("cluster name", cluster);
    }

    @Override
    public String toString() {
        return owner + " (uid " + uid + ") on cluster " + cluster;
    }
}
