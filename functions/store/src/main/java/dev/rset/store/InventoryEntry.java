package dev.rset.store;

/** One applied object: {@code <namespace>_<name>_<group>_<kind>} and its API version. */
public record InventoryEntry(String id, String version) {
}
