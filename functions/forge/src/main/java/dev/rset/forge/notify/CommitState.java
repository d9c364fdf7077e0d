package dev.rset.forge.notify;

/** What a commit status says about the preview environment of that commit. */
public enum CommitState {
    /** Rendered objects are being applied, or not yet ready on every placed cluster. */
    PENDING,
    /** Ready on every cluster the ResourceSet is placed on. */
    SUCCESS,
    /** The build, the apply or a health check failed. */
    FAILURE
}
