package dev.rset.forge.inputs;

/** One write to one exported input item of one provider. */
public sealed interface InputChange permits Upsert, Remove {
    /** The exported input's {@code id}: the item key within the provider. */
    String id();
}
