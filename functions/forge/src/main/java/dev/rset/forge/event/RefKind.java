package dev.rset.forge.event;

/** The two kinds of git ref that providers export. */
public enum RefKind {
    BRANCH("refs/heads/"),
    TAG("refs/tags/");

    private final String prefix;

    RefKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /**
     * The ref's name without this kind's prefix ({@code main} for {@code refs/heads/main}); a name
     * that is already short stays as it is, since some payloads send one and some the other.
     */
    public String shortName(String ref) {
        return ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref;
    }

    /** The kind of a full ref name such as {@code refs/heads/main}, or null for other refs. */
    public static RefKind ofRef(String ref) {
        for (RefKind k : values()) {
            if (ref.startsWith(k.prefix) && ref.length() > k.prefix.length()) {
                return k;
            }
        }
        return null;
    }

    /** For {@code ref_type} fields of create/delete events: {@code branch} or {@code tag}. */
    public static RefKind ofType(String refType) {
        return switch (refType) {
            case "branch" -> BRANCH;
            case "tag" -> TAG;
            default -> null;
        };
    }
}
