package dev.rset.forge.event;

import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.Headers;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Gitea and Forgejo payloads (Forgejo sends Gitea's bodies under {@code X-Forgejo-*} headers and,
 * for compatibility, the {@code X-Gitea-*} ones): pull requests, {@code push}, {@code create},
 * {@code delete}.
 */
final class GiteaEvents {
    /** Pull request events whose body is the pull request after the change. */
    private static final Set<String> PULL_REQUEST_EVENTS = Set.of("pull_request", "pull_request_label",
            "pull_request_sync", "pull_request_assign", "pull_request_milestone");

    private GiteaEvents() {
    }

    static ParsedDelivery parse(Delivery d, String vendor) {
        Headers h = d.headers();
        String eventHeader = "X-" + vendor + "-Event";
        String event = EventHeaders.required(h, eventHeader, "X-Gitea-Event");
        String id = EventHeaders.first(h, "X-" + vendor + "-Delivery", "X-Gitea-Delivery");
        ForgeEvent e;
        if (PULL_REQUEST_EVENTS.contains(event)) {
            e = GitHubShape.pullRequest(Payload.parse(event, d.body()), GiteaEvents::author);
        } else {
            e = switch (event) {
                case "push" -> push(Payload.parse(event, d.body()), d.receivedAt());
                case "create" -> create(Payload.parse(event, d.body()), d.receivedAt());
                case "delete" -> delete(Payload.parse(event, d.body()), d.receivedAt());
                default -> new IgnoredEvent(vendor + " event " + event + " does not change inputs");
            };
        }
        return new ParsedDelivery(event, id, e);
    }

    /** Gitea user objects may carry only {@code username}; {@code login} wins when set. */
    private static String author(Payload user) {
        return user.optionalString("login").isEmpty() ? user.string("username") : user.string("login");
    }

    private static ForgeEvent push(Payload p, Instant receivedAt) {
        Payload headCommit = p.optionalObject("head_commit");
        String commit = headCommit == null ? "" : headCommit.optionalString("id");
        RefUpdate u = Refs.update(p.string("ref"), p.string("after"), commit);
        if (u == null) {
            return new IgnoredEvent("push to " + p.string("ref") + " is neither a branch nor a tag");
        }
        // The repository's updated_at is the forge's clock; a commit's timestamp is the developer's.
        return new RefEvent(GitHubShape.repository(p), List.of(u), time(p, receivedAt));
    }

    private static ForgeEvent create(Payload p, Instant receivedAt) {
        RefKind kind = RefKind.ofType(p.string("ref_type"));
        if (kind == null) {
            return new IgnoredEvent("create of a " + p.string("ref_type") + " does not change inputs");
        }
        // create and delete name the ref briefly (main); a full name is tolerated too.
        RefUpdate u = new RefUpdate(kind, kind.shortName(p.string("ref")), p.string("sha"), false);
        return new RefEvent(GitHubShape.repository(p), List.of(u), time(p, receivedAt));
    }

    private static ForgeEvent delete(Payload p, Instant receivedAt) {
        RefKind kind = RefKind.ofType(p.string("ref_type"));
        if (kind == null) {
            return new IgnoredEvent("delete of a " + p.string("ref_type") + " does not change inputs");
        }
        RefUpdate u = RefUpdate.deleted(kind, kind.shortName(p.string("ref")));
        return new RefEvent(GitHubShape.repository(p), List.of(u), time(p, receivedAt));
    }

    /**
     * The repository's {@code updated_at} moves forward with every push, so it orders ref events
     * even when a push rewinds a branch to an older commit.
     */
    private static Instant time(Payload p, Instant receivedAt) {
        return EventTimes.firstOf(receivedAt, EventTimes.read(p.object("repository").raw("updated_at")));
    }
}
