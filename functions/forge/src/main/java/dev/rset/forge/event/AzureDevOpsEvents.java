package dev.rset.forge.event;

import dev.rset.forge.hook.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Azure DevOps service hook payloads: {@code git.pullrequest.created|updated|merged} and
 * {@code git.push}. The event type and the notification id are in the body.
 */
final class AzureDevOpsEvents {
    private AzureDevOpsEvents() {
    }

    static ParsedDelivery parse(Delivery d) {
        Payload p = Payload.parse("Azure DevOps", d.body());
        String event = p.string("eventType");
        Instant created = EventTimes.read(p.raw("createdDate"));
        ForgeEvent e = switch (event) {
            case "git.pullrequest.created", "git.pullrequest.updated", "git.pullrequest.merged" ->
                    pullRequest(p, created);
            case "git.push" -> push(p, EventTimes.firstOf(d.receivedAt(), created));
            default -> new IgnoredEvent("Azure DevOps event " + event + " does not change inputs");
        };
        return new ParsedDelivery(event, p.optionalString("id"), e);
    }

    private static ForgeEvent pullRequest(Payload p, Instant created) {
        Payload pr = p.object("resource");
        if (created == null) {
            throw p.error("createdDate", "required timestamp is missing or not ISO-8601");
        }
        // "merged" fires when a merge commit is computed, also for active requests: status decides.
        ChangeState state = "active".equals(pr.string("status")) ? ChangeState.OPEN : ChangeState.CLOSED;
        List<String> labels = new ArrayList<>();
        for (Payload l : pr.objects("labels")) {
            if (!l.has("active") || l.bool("active")) {
                labels.add(l.string("name"));
            }
        }
        Payload source = pr.optionalObject("lastMergeSourceCommit");
        String sha = source == null ? "" : source.optionalString("commitId");
        if (state == ChangeState.OPEN && sha.isEmpty()) {
            throw pr.error("lastMergeSourceCommit.commitId", "required string is missing");
        }
        String branch = RefKind.BRANCH.shortName(pr.string("sourceRefName"));
        return new ChangeRequestEvent(pr.object("repository").string("remoteUrl"), pr.number("pullRequestId"), state,
                sha, branch, pr.object("createdBy").string("displayName"), false, pr.optionalString("title"),
                labels, p.string("eventType"), created);
    }

    private static ForgeEvent push(Payload p, Instant time) {
        Payload r = p.object("resource");
        List<RefUpdate> updates = new ArrayList<>();
        for (Payload u : r.objects("refUpdates")) {
            RefUpdate ref = Refs.update(u.string("name"), u.optionalString("newObjectId"), "");
            if (ref != null) {
                updates.add(ref);
            }
        }
        return new RefEvent(r.object("repository").string("remoteUrl"), updates, time);
    }
}
