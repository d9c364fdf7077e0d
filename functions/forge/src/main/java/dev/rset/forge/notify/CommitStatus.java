package dev.rset.forge.notify;

/**
 * One commit status to set. {@code context} tells this status apart from other systems' on the
 * same commit ({@code rset/<namespace>/<name>}); {@code targetUrl} may be empty.
 */
public record CommitStatus(String sha, CommitState state, String context, String description, String targetUrl) {
    /** GitHub refuses longer descriptions; the others show about as much. */
    public static final int MAX_DESCRIPTION = 140;

    public CommitStatus {
        if (sha == null || !sha.matches("[0-9a-fA-F]{7,64}")) {
            throw new IllegalArgumentException("commit sha \"" + sha + "\" is not a hexadecimal commit id");
        }
        description = description.length() > MAX_DESCRIPTION
                ? description.substring(0, MAX_DESCRIPTION - 1) + "…" : description;
    }
}
