package dev.rset.forge.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads of the payload shape GitHub defined and Gitea and Forgejo copy: the repository's URL and
 * the {@code pull_request} object of pull request events.
 */
final class GitHubShape {
    private GitHubShape() {
    }

    /** GitHub names a user by {@code login}. */
    static String login(Payload user) {
        return user.string("login");
    }

    /**
     * A pull request event; {@code author} reads the name from the pull request's {@code user}
     * object, since the forges disagree on which field holds it.
     */
    static ChangeRequestEvent pullRequest(Payload p, Function<Payload, String> author) {
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
                head.string("ref"), author.apply(pr.object("user")), false, pr.optionalString("title"), labels,
                p.optionalString("action"), time);
    }

    static String repository(Payload p) {
        return p.object("repository").string("html_url");
    }
}
