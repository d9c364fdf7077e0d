package dev.rset.forge.event;

import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.Headers;
import java.time.Instant;
import java.util.List;

/** GitHub webhook payloads: {@code ping}, {@code pull_request}, {@code push}, {@code create}, {@code delete}. */
final class GitHubEvents {
    static final String EVENT = "X-GitHub-Event";
    static final String DELIVERY = "X-GitHub-Delivery";

    private GitHubEvents() {
    }

    static ParsedDelivery parse(Delivery d) {
        Headers h = d.headers();
        String event = EventHeaders.required(h, EVENT);
        String id = h.get(DELIVERY);
        ForgeEvent e = switch (event) {
            case "ping" -> new PingEvent();
            case "pull_request" -> GitHubShape.pullRequest(Payload.parse(event, d.body()), GitHubShape::login);
            case "push" -> push(Payload.parse(event, d.body()), d.receivedAt());
            case "delete" -> delete(Payload.parse(event, d.body()), d.receivedAt());
            // A create event names the new ref but not its commit; GitHub sends a push event for
            // the same ref, which carries the SHA and creates the input.
            case "create" -> new IgnoredEvent("GitHub create events carry no SHA; the push event for the new ref updates inputs");
            default -> new IgnoredEvent("GitHub event " + event + " does not change inputs");
        };
        return new ParsedDelivery(event, id, e);
    }

    private static ForgeEvent push(Payload p, Instant receivedAt) {
        Payload headCommit = p.optionalObject("head_commit");
        String commit = headCommit == null ? "" : headCommit.optionalString("id");
        String after = p.bool("deleted") ? Refs.ZERO_SHA : p.string("after");
        RefUpdate u = Refs.update(p.string("ref"), after, commit);
        if (u == null) {
            return new IgnoredEvent("push to " + p.string("ref") + " is neither a branch nor a tag");
        }
        Payload repo = p.object("repository");
        // pushed_at is the push itself (epoch seconds in push events), the forge's clock; a commit's
        // timestamp is the developer's (a force-push to an older commit), so it never orders.
        Instant time = EventTimes.firstOf(receivedAt, EventTimes.read(repo.raw("pushed_at")));
        return new RefEvent(GitHubShape.repository(p), List.of(u), time);
    }

    private static ForgeEvent delete(Payload p, Instant receivedAt) {
        RefKind kind = RefKind.ofType(p.string("ref_type"));
        if (kind == null) {
            return new IgnoredEvent("delete of a " + p.string("ref_type") + " does not change inputs");
        }
        Payload repo = p.object("repository");
        Instant time = EventTimes.firstOf(receivedAt, EventTimes.read(repo.raw("pushed_at")));
        return new RefEvent(GitHubShape.repository(p), List.of(RefUpdate.deleted(kind, p.string("ref"))), time);
    }
}
