package dev.rset.forge.notify;

import dev.rset.core.Sha256;
import dev.rset.forge.providers.http.HttpFailure;
import java.util.Optional;

/**
 * What one change request is told about a {@link Notice} under a policy: the commit status and
 * the comment, each present when the policy asks for it. {@link #digest} names exactly what would
 * be sent, so a caller can tell "nothing new" from "the same state, said differently" (another
 * error on the same commit, another cluster in the table).
 *
 * @param status the commit status to set, absent when the policy turns it off or the environment was removed
 * @param commentMarker the hidden first line the comment is found again by
 * @param comment the comment body, absent when the policy turns comments off
 */
public record ChangeRequestReport(Notice notice, Optional<CommitStatus> status, String commentMarker,
        Optional<String> comment) {

    /** Renders what {@code policy} sends for {@code n}; a template error is an {@link IllegalArgumentException}. */
    public static ChangeRequestReport of(NotificationPolicy policy, Notice n) {
        Optional<CommitStatus> status = Optional.empty();
        if (policy.commitStatus() && n.phase() != Notice.Phase.REMOVED) {
            CommitState state = switch (n.phase()) {
                case SUCCESS -> CommitState.SUCCESS;
                case FAILURE -> CommitState.FAILURE;
                default -> CommitState.PENDING;
            };
            status = Optional.of(new CommitStatus(n.input().sha(), state, n.context(),
                    Messages.description(n, policy.descriptionTemplate()),
                    n.urls().isEmpty() ? "" : Markdown.url(n.urls().get(0).url())));
        }
        Optional<String> comment = policy.comment() ? Optional.of(Messages.comment(n, policy.commentTemplate()))
                : Optional.empty();
        return new ChangeRequestReport(n, status, Messages.marker(n.namespace(), n.name()), comment);
    }

    /** Renders and sends in one go: the commit status, then the comment. */
    public static void send(ChangeRequestNotifier notifier, NotificationPolicy policy, Notice n) throws HttpFailure {
        of(policy, n).sendTo(notifier);
    }

    public void sendTo(ChangeRequestNotifier notifier) throws HttpFailure {
        if (status.isPresent()) {
            notifier.commitStatus(status.get());
        }
        if (comment.isPresent()) {
            long number;
            try {
                number = Long.parseLong(notice.input().id());
            } catch (NumberFormatException e) {
                throw HttpFailure.failed("input id \"" + notice.input().id() + "\" is not a change request number");
            }
            notifier.upsertComment(number, commentMarker, comment.get());
        }
    }

    /**
     * Twelve hex digits of the SHA-256 of the state, the commit status (state, description, target
     * URL) and the comment body: equal digests mean the change request would be told the same again.
     */
    public String digest() {
        StringBuilder what = new StringBuilder(notice.phase().wire()).append('\0');
        status.ifPresent(s -> what.append(s.state()).append('\0').append(s.description()).append('\0')
                .append(s.targetUrl()));
        what.append('\0');
        comment.ifPresent(what::append);
        return Sha256.hex(what.toString()).substring(0, 12);
    }
}
