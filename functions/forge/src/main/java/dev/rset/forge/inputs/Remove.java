package dev.rset.forge.inputs;

/** Remove an exported input (closed, merged, deleted, or no longer passing the filters), with why. */
public record Remove(String id, String reason) implements InputChange {
}
