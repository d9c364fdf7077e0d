package dev.rset.forge.event;

import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.Headers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** GitLab webhook payloads: {@code Merge Request Hook}, {@code Push Hook}, {@code Tag Push Hook}. */
final class GitLabEvents {
    static final String EVENT = "X-Gitlab-Event";
    static final String DELIVERY = "X-Gitlab-Event-UUID";

    private GitLabEvents() {
    }

    static ParsedDelivery parse(Delivery d) {
        Headers h = d.headers();
        String event = EventHeaders.required(h, EVENT);
        ForgeEvent e = switch (event) {
            case "Merge Request Hook" -> mergeRequest(Payload.parse(event, d.body()));
            case "Push Hook", "Tag Push Hook" -> push(Payload.parse(event, d.body()), d.receivedAt());
            default -> new IgnoredEvent("GitLab event " + event + " does not change inputs");
        };
        return new ParsedDelivery(event, h.get(DELIVERY), e);
    }

    private static ForgeEvent mergeRequest(Payload p) {
        Payload mr = p.object("object_attributes");
        // "opened" is the only state GitLab lists as open; closed, merged and locked are not.
        ChangeState state = "opened".equals(mr.string("state")) ? ChangeState.OPEN : ChangeState.CLOSED;
        List<String> labels = new ArrayList<>();
        List<Payload> raw = mr.has("labels") ? mr.objects("labels") : p.objects("labels");
        for (Payload l : raw) {
            labels.add(l.string("title"));
        }
        Instant time = EventTimes.read(mr.raw("updated_at"));
        if (time == null) {
            throw mr.error("updated_at", "required timestamp is missing or not in a known format");
        }
        Payload lastCommit = mr.optionalObject("last_commit");
        String sha = lastCommit == null ? "" : lastCommit.optionalString("id");
        if (state == ChangeState.OPEN && sha.isEmpty()) {
            throw mr.error("last_commit.id", "required string is missing");
        }
        // The payload names who acted (user), not the author: on "open" they are the same person.
        String actor = p.object("user").string("username");
        return new ChangeRequestEvent(p.object("project").string("web_url"), mr.number("iid"), state, sha,
                mr.string("source_branch"), actor, true, mr.optionalString("title"), labels,
                mr.optionalString("action"), time);
    }

    private static ForgeEvent push(Payload p, Instant receivedAt) {
        String ref = p.string("ref");
        String after = p.string("after");
        String checkout = p.optionalString("checkout_sha");
        RefUpdate u = Refs.update(ref, after, checkout);
        if (u == null) {
            return new IgnoredEvent("push to " + ref + " is neither a branch nor a tag");
        }
        // GitLab push payloads carry no push time, and a commit's timestamp is the developer's clock
        // (a force-push to an older commit would look older than the push it replaces): arrival
        // order it is, and a tie or a doubt is settled by the poll the refused delivery asks for.
        return new RefEvent(p.object("project").string("web_url"), List.of(u), receivedAt);
    }
}
