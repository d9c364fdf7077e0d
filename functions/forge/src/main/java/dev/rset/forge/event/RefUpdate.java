package dev.rset.forge.event;

/** One ref moved, created or deleted; {@code sha} is the commit it now points at (empty when deleted). */
public record RefUpdate(RefKind kind, String name, String sha, boolean deleted) {
    public static RefUpdate deleted(RefKind kind, String name) {
        return new RefUpdate(kind, name, "", true);
    }
}
