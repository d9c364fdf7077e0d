package dev.rset.forge.event;

import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.Headers;
import dev.rset.forge.hook.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** GitHub webhook payloads: {@code ping}, {@code pull_request}, {@code push}, {@code create}, {@code delete}. */
final class GitHubEvents {
    static final String EVENT = "X-GitHub-Event";
    static final String DELIVERY = "X-GitHub-Delivery";

    private GitHubEvents() {
    }

    static ParsedDelivery parse(Delivery d) {
        Headers h = d.headers();
        String event = h.get(EVENT);
        if (event.isEmpty()) {
            throw Rejection.badRequest("missing " + EVENT + " header");
        }
        String id = h.get(DELIVERY);
        ForgeEvent e = switch (event) {
            case "ping" -> new PingEvent();
            case "pull_request" -> pullRequest(Payload.parse(event, d.body()));
            case "push" -> push(Payload.parse(event, d.body()), d.receivedAt());
            case "delete" -> delete(Payload.parse(event, d.body()), d.receivedAt());
            // A create event names the new ref but not its commit; GitHub sends a push event for
            // the same ref, which carries the SHA and creates the input.
            case "create" -> new IgnoredEvent("GitHub create events carry no SHA; the push event for the new ref updates inputs");
            default -> new IgnoredEvent("GitHub event " + event + " does not change inputs");
        };
        return new ParsedDelivery(event, id, e);
    }

    private static ForgeEvent pullRequest(Payload p) {
        Payload pr = p.object("pull_request");
        Payload head = pr.object("head");
        List<String> labels = new ArrayList<>();
        for (Payload l : pr.objects("labels")) {
            labels.add(l.string("name"));
        }
        ChangeState state = "open".equals(pr.string("state")) ? ChangeState.OPEN : ChangeState.CLOSED;
        Instant time = EventTimes.read(pr.raw("updated_at"));
        if (time == null) {
            throw pr.error("updated_at", "required timestamp is missing or not ISO-8601");
        }
        return new ChangeRequestEvent(repository(p), pr.number("number"), state, head.string("sha"),
                head.string("ref"), pr.object("user").string("login"), false, pr.optionalString("title"), labels,
                p.optionalString("action"), time);
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
        // pushed_at is the push itself (epoch seconds in push events); a commit time can be old.
        Instant time = EventTimes.firstOf(receivedAt, EventTimes.read(repo.raw("pushed_at")),
                headCommit == null ? null : EventTimes.read(headCommit.raw("timestamp")));
        return new RefEvent(repository(p), List.of(u), time);
    }

    private static ForgeEvent delete(Payload p, Instant receivedAt) {
        RefKind kind = RefKind.ofType(p.string("ref_type"));
        if (kind == null) {
            return new IgnoredEvent("delete of a " + p.string("ref_type") + " does not change inputs");
        }
        Payload repo = p.object("repository");
        Instant time = EventTimes.firstOf(receivedAt, EventTimes.read(repo.raw("pushed_at")));
        return new RefEvent(repository(p), List.of(RefUpdate.deleted(kind, p.string("ref"))), time);
    }

    private static String repository(Payload p) {
        return p.object("repository").string("html_url");
    }
}
