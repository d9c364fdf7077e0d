package dev.rset.forge.event;

/** Git conventions shared by the push parsers. */
final class Refs {
    /** The all-zero object id forges send as the new value of a deleted ref. */
    static final String ZERO_SHA = "0000000000000000000000000000000000000000";

    private Refs() {
    }

    static boolean isZero(String sha) {
        return sha.isEmpty() || sha.chars().allMatch(c -> c == '0');
    }

    /**
     * The update of one full ref ({@code refs/heads/x}, {@code refs/tags/v1}) to {@code sha}, or
     * null for refs no provider lists (notes, merge requests…).
     */
    static RefUpdate update(String ref, String sha, String commitSha) {
        RefKind kind = RefKind.ofRef(ref);
        if (kind == null) {
            return null;
        }
        String name = ref.substring(kind.prefix().length());
        if (isZero(sha)) {
            return RefUpdate.deleted(kind, name);
        }
        // For an annotated tag the ref points at the tag object; providers export the commit.
        String target = kind == RefKind.TAG && !commitSha.isEmpty() ? commitSha : sha;
        return new RefUpdate(kind, name, target, false);
    }
}
