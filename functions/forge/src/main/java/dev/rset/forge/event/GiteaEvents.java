package dev.rset.forge.event;

import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.Headers;
import dev.rset.forge.hook.Rejection;
import java.time.Instant;
import java.util.ArrayList;
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
        String event = first(h, eventHeader, "X-Gitea-Event");
        if (event.isEmpty()) {
            throw Rejection.badRequest("missing " + eventHeader + " header");
        }
        String id = first(h, "X-" + vendor + "-Delivery", "X-Gitea-Delivery");
        ForgeEvent e;
        if (PULL_REQUEST_EVENTS.contains(event)) {
            e = pullRequest(Payload.parse(event, d.body()));
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

    private static String first(Headers h, String preferred, String fallback) {
        String v = h.get(preferred);
        return v.isEmpty() ? h.get(fallback) : v;
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
        Payload user = pr.object("user");
        String author = user.optionalString("login").isEmpty() ? user.string("username") : user.string("login");
        return new ChangeRequestEvent(repository(p), pr.number("number"), state, head.string("sha"),
                head.string("ref"), author, false, pr.optionalString("title"), labels,
                p.optionalString("action"), time);
    }

    private static ForgeEvent push(Payload p, Instant receivedAt) {
        Payload headCommit = p.optionalObject("head_commit");
        String commit = headCommit == null ? "" : headCommit.optionalString("id");
        RefUpdate u = Refs.update(p.string("ref"), p.string("after"), commit);
        if (u == null) {
            return new IgnoredEvent("push to " + p.string("ref") + " is neither a branch nor a tag");
        }
        return new RefEvent(repository(p), List.of(u), time(p, receivedAt,
                headCommit == null ? null : EventTimes.read(headCommit.raw("timestamp"))));
    }

    private static ForgeEvent create(Payload p, Instant receivedAt) {
        RefKind kind = RefKind.ofType(p.string("ref_type"));
        if (kind == null) {
            return new IgnoredEvent("create of a " + p.string("ref_type") + " does not change inputs");
        }
        RefUpdate u = new RefUpdate(kind, shortName(p.string("ref"), kind), p.string("sha"), false);
        return new RefEvent(repository(p), List.of(u), time(p, receivedAt, null));
    }

    private static ForgeEvent delete(Payload p, Instant receivedAt) {
        RefKind kind = RefKind.ofType(p.string("ref_type"));
        if (kind == null) {
            return new IgnoredEvent("delete of a " + p.string("ref_type") + " does not change inputs");
        }
        return new RefEvent(repository(p), List.of(RefUpdate.deleted(kind, shortName(p.string("ref"), kind))),
                time(p, receivedAt, null));
    }

    /** create/delete name the ref briefly ({@code main}); tolerate a full name too. */
    private static String shortName(String ref, RefKind kind) {
        return ref.startsWith(kind.prefix()) ? ref.substring(kind.prefix().length()) : ref;
    }

    /**
     * The repository's {@code updated_at} moves forward with every push, so it orders ref events
     * even when a push rewinds a branch to an older commit.
     */
    private static Instant time(Payload p, Instant receivedAt, Instant commitTime) {
        return EventTimes.firstOf(receivedAt, EventTimes.read(p.object("repository").raw("updated_at")), commitTime);
    }

    private static String repository(Payload p) {
        return p.object("repository").string("html_url");
    }
}
