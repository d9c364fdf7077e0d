package dev.rset.forge.event;

import java.time.Instant;
import java.util.List;

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
    public ChangeRequestEvent {
        labels = List.copyOf(labels);
    }
}
