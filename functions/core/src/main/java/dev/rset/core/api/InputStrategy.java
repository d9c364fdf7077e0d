package dev.rset.core.api;

/** How inputs from several sources are combined ({@code spec.inputStrategy.name}). */
public enum InputStrategy {
    /** Concatenate the input sets of every source. */
    FLATTEN,
    /** Cartesian product of the sources' input sets, each nested under its source's name. */
    PERMUTE;

    static InputStrategy read(Fields spec) {
        Fields f = spec.object("inputStrategy");
        String name = f == null ? "" : f.string("name");
        return switch (name) {
            case "", "Flatten" -> FLATTEN;
            case "Permute" -> PERMUTE;
            default -> throw f.error("name", "unsupported value \"" + name + "\", must be Flatten or Permute");
        };
    }
}
