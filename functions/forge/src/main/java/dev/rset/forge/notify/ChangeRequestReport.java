package dev.rset.forge.notify;

import dev.rset.forge.providers.http.HttpFailure;

/** Tells one change request about a {@link Notice} as a policy asks: the commit status, then the comment. */
public final class ChangeRequestReport {
    private ChangeRequestReport() {
    }

    public static void send(ChangeRequestNotifier notifier, NotificationPolicy policy, Notice n) throws HttpFailure {
        if (policy.commitStatus() && n.phase() != Notice.Phase.REMOVED) {
            CommitState state = switch (n.phase()) {
                case SUCCESS -> CommitState.SUCCESS;
                case FAILURE -> CommitState.FAILURE;
                default -> CommitState.PENDING;
            };
            notifier.commitStatus(new CommitStatus(n.input().sha(), state, n.context(),
                    Messages.description(n, policy.descriptionTemplate()),
                    n.urls().isEmpty() ? "" : Markdown.url(n.urls().get(0).url())));
        }
        if (policy.comment()) {
            long number;
            try {
                number = Long.parseLong(n.input().id());
            } catch (NumberFormatException e) {
                throw HttpFailure.failed("input id \"" + n.input().id() + "\" is not a change request number");
            }
            notifier.upsertComment(number, Messages.marker(n.namespace(), n.name()),
                    Messages.comment(n, policy.commentTemplate()));
        }
    }
}
