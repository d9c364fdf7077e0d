package dev.rset.core.template;

/** Go's {@code missingkey} option: what a field lookup of an absent map key yields. */
enum MissingKey {
    /** "default"/"invalid": no value, printed as {@code <no value>}. */
    INVALID,
    /** "zero": the zero value of the map's element type (a nil interface here). */
    ZERO,
    /** "error": execution stops with {@code map has no entry for key "k"}. */
    ERROR;

    /** Parses {@code missingkey=...} as Go's {@code Template.Option} does. */
    static MissingKey parseOption(String option) {
        if (option.isEmpty()) {
            throw new IllegalArgumentException("empty option string");
        }
        int eq = option.indexOf('=');
        if (eq >= 0 && option.substring(0, eq).equals("missingkey")) {
            switch (option.substring(eq + 1)) {
                case "invalid", "default":
                    return INVALID;
                case "zero":
                    return ZERO;
                case "error":
                    return ERROR;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unrecognized option: " + option);
    }
}
