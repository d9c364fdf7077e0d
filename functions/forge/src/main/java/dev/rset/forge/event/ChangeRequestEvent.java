package dev.rset.forge.event;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A pull/merge request after an event (opened, synchronize, labeled, edited, closed…): its
 * state as the payload reports it, not the action, so every action maps the same way.
 *
 * @param author the author's login; {@code authorIsActor} marks forges (GitLab) whose payload
 *     names only who acted, which is the author on "open" but not necessarily later
 * @param eventTime when the forge last changed the request (its {@code updated_at}); orders deliveries
 */
public record ChangeRequestEvent(String repositoryUrl, long number, ChangeState state, String sha, String branch,
        String author, boolean authorIsActor, String title, List<String> labels, String action,
        Instant eventTime) implements ForgeEvent {
    /** The actions, as each forge names them, after which the request starts being open. */
    private static final Set<String> OPENING = Set.of("opened", "reopened", "open", "reopen",
            "git.pullrequest.created");

    public ChangeRequestEvent {
        labels = List.copyOf(labels);
    }

    /** Whether the request was just opened or reopened: its input is most likely not stored as live. */
    public boolean opens() {
        return state == ChangeState.OPEN && action != null && OPENING.contains(action);
    }
}
