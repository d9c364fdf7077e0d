package dev.rset.forge.event;

import java.time.Instant;
import java.util.List;

/** A push, create or delete: the refs it changed (Azure DevOps pushes may change several). */
public record RefEvent(String repositoryUrl, List<RefUpdate> updates, Instant eventTime) implements ForgeEvent {
    public RefEvent {
        updates = List.copyOf(updates);
    }
}
