package dev.rset.forge.notify;

import dev.rset.forge.providers.http.HttpFailure;

/**
 * What the control plane tells one repository's change requests (pull requests, merge
 * requests). Each call is one or a few HTTP exchanges under the caller's time budget; nothing is
 * retried here (the next reconcile sends again).
 */
public interface ChangeRequestNotifier {
    /** Sets the commit status of {@code status.sha()} for {@code status.context()}. */
    void commitStatus(CommitStatus status) throws HttpFailure;

    /**
     * Makes the change request's comment carrying {@code marker} read {@code body}: edits the
     * first comment that starts with the marker (a reply quoting it does not), or creates it when
     * there is none. {@code body} must start with the marker, so that the next call finds it again.
     */
    void upsertComment(long number, String marker, String body) throws HttpFailure;
}
