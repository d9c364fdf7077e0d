package dev.rset.forge.testing;

import dev.rset.forge.hook.ReceiverType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed deliveries of each forge, rendered from this project's fixtures in the shape of the
 * forge's published samples: change requests, pushes, ref creation and deletion.
 */
public final class Payloads {
    public static final String ZERO = "0000000000000000000000000000000000000000";
    private static final DateTimeFormatter GITLAB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TOKYO =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.ofHours(9));

    private Payloads() {
    }

    /** A change request event; {@code event} overrides the event header (Gitea label/sync events), else the forge's default. */
    public static SignedRequest changeRequest(ReceiverType type, String token, String deliveryId, String repoUrl,
            ChangeRequest cr) {
        return switch (type) {
            case GITHUB -> Signer.sign(type, token, "pull_request", deliveryId, Fixture.load("github/pull_request.json")
                    .with("action", cr.action()).with("number", cr.number()).with("state", cr.open() ? "open" : "closed")
                    .with("title", cr.title()).with("author", cr.author()).with("updated_at", cr.updatedAt().toString())
                    .with("closed_at", cr.open() ? null : cr.updatedAt().toString())
                    .with("merged_at", null).with("merged", false)
                    .with("labels", githubLabels(cr.labels())).with("branch", cr.branch()).with("sha", cr.sha())
                    .with("repo_url", repoUrl).bytes());
            case GITLAB -> Signer.sign(type, token, "Merge Request Hook", deliveryId,
                    Fixture.load("gitlab/merge_request.json")
                    .with("actor", cr.author()).with("actor_name", "Dev " + cr.author()).with("repo_url", repoUrl)
                    .with("iid", cr.number()).with("branch", cr.branch()).with("title", cr.title())
                    .with("updated_at", GITLAB_TIME.format(cr.updatedAt()))
                    .with("state", cr.open() ? "opened" : "closed").with("sha", cr.sha())
                    .with("labels", gitlabLabels(cr.labels())).with("action", gitlabAction(cr.action())).bytes());
            case GITEA, FORGEJO -> Signer.sign(type, token, giteaEvent(cr.action()), deliveryId,
                    Fixture.load("gitea/pull_request.json")
                    .with("action", giteaAction(cr.action())).with("number", cr.number()).with("repo_url", repoUrl)
                    .with("author", cr.author()).with("title", cr.title()).with("labels", githubLabels(cr.labels()))
                    .with("state", cr.open() ? "open" : "closed").with("merged", false).with("branch", cr.branch())
                    .with("sha", cr.sha()).with("updated_at", TOKYO.format(cr.updatedAt()))
                    .with("repo_updated_at", TOKYO.format(cr.updatedAt())).bytes());
            case AZURE_DEVOPS -> Signer.sign(type, token, "", deliveryId, Fixture.load("azuredevops/pullrequest.json")
                    .with("id", deliveryId).with("event_type", adoEvent(cr.action())).with("number", cr.number())
                    .with("remote_url", repoUrl).with("status", cr.open() ? "active" : "completed")
                    .with("author", cr.author()).with("title", cr.title()).with("branch", cr.branch())
                    .with("sha", cr.sha()).with("labels", adoLabels(cr.labels()))
                    .with("created_date", cr.updatedAt().toString()).bytes());
            default -> throw new IllegalArgumentException(type + " has no change request events");
        };
    }

    /**
     * A push of {@code ref} (full name) to {@code sha}; {@code sha} = {@link #ZERO} deletes it.
     */
    public static SignedRequest push(ReceiverType type, String token, String deliveryId, String repoUrl, String ref,
            String before, String sha, Instant at) {
        boolean deleted = ZERO.equals(sha);
        boolean tag = ref.startsWith("refs/tags/");
        List<Object> commits = deleted || tag ? List.of() : List.of(commit(sha, at, repoUrl));
        return switch (type) {
            case GITHUB -> Signer.sign(type, token, "push", deliveryId, Fixture.load("github/push.json")
                    .with("ref", ref).with("before", before).with("after", sha).with("created", ZERO.equals(before))
                    .with("deleted", deleted).with("repo_url", repoUrl).with("commits", commits)
                    .with("head_commit", deleted ? null : commit(sha, at, repoUrl))
                    .with("pushed_at", at.getEpochSecond()).bytes());
            case GITLAB -> Signer.sign(type, token, tag ? "Tag Push Hook" : "Push Hook", deliveryId,
                    Fixture.load("gitlab/push.json")
                    .with("object_kind", tag ? "tag_push" : "push").with("before", before).with("after", sha)
                    .with("ref", ref).with("checkout_sha", deleted ? null : sha).with("repo_url", repoUrl)
                    .with("commits", commits).with("total_commits_count", commits.size()).bytes());
            case GITEA, FORGEJO -> Signer.sign(type, token, "push", deliveryId, Fixture.load("gitea/push.json")
                    .with("ref", ref).with("before", before).with("after", sha).with("repo_url", repoUrl)
                    .with("commits", commits).with("total_commits", commits.size())
                    .with("head_commit", deleted ? null : commit(sha, at, repoUrl))
                    .with("repo_updated_at", TOKYO.format(at)).bytes());
            case AZURE_DEVOPS -> Signer.sign(type, token, "", deliveryId, Fixture.load("azuredevops/push.json")
                    .with("id", deliveryId).with("remote_url", repoUrl)
                    .with("ref_updates", List.of(Map.of("name", ref, "oldObjectId", before, "newObjectId", sha)))
                    .with("created_date", at.toString()).bytes());
            default -> throw new IllegalArgumentException(type + " has no push events");
        };
    }

    /** A create event ({@code refType} branch or tag, short {@code ref}); GitHub's carries no SHA. */
    public static SignedRequest create(ReceiverType type, String token, String deliveryId, String repoUrl,
            String refType, String ref, String sha, Instant at) {
        return switch (type) {
            case GITHUB -> Signer.sign(type, token, "create", deliveryId, Fixture.load("github/create.json")
                    .with("ref", ref).with("ref_type", refType).with("repo_url", repoUrl)
                    .with("pushed_at", at.toString()).bytes());
            case GITEA, FORGEJO -> Signer.sign(type, token, "create", deliveryId, Fixture.load("gitea/create.json")
                    .with("sha", sha).with("ref", ref).with("ref_type", refType).with("repo_url", repoUrl)
                    .with("repo_updated_at", TOKYO.format(at)).bytes());
            default -> throw new IllegalArgumentException(type + " has no create events");
        };
    }

    public static SignedRequest delete(ReceiverType type, String token, String deliveryId, String repoUrl,
            String refType, String ref, Instant at) {
        return switch (type) {
            case GITHUB -> Signer.sign(type, token, "delete", deliveryId, Fixture.load("github/delete.json")
                    .with("ref", ref).with("ref_type", refType).with("repo_url", repoUrl)
                    .with("pushed_at", at.toString()).bytes());
            case GITEA, FORGEJO -> Signer.sign(type, token, "delete", deliveryId, Fixture.load("gitea/delete.json")
                    .with("ref", ref).with("ref_type", refType).with("repo_url", repoUrl)
                    .with("repo_updated_at", TOKYO.format(at)).bytes());
            default -> throw new IllegalArgumentException(type + " has no delete events");
        };
    }

    public static SignedRequest ping(String token, String deliveryId, String repoUrl) {
        return Signer.sign(ReceiverType.GITHUB, token, "ping", deliveryId,
                Fixture.load("github/ping.json").with("repo_url", repoUrl).bytes());
    }

    private static Map<String, Object> commit(String sha, Instant at, String repoUrl) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", sha);
        c.put("tree_id", "1d2ab2ea2e2b0b2c8b2e2f2a2b2c2d2e2f2a2b2c");
        c.put("message", "Change things\n");
        c.put("timestamp", at.toString());
        c.put("url", repoUrl + "/commit/" + sha);
        c.put("author", Map.of("name", "Dev", "email", "dev@example.com", "username", "dev"));
        c.put("added", List.of());
        c.put("removed", List.of());
        c.put("modified", List.of("README.md"));
        return c;
    }

    private static List<Object> githubLabels(List<String> labels) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            out.add(Map.of("id", 1000 + i, "name", labels.get(i), "color", "f29513", "default", false));
        }
        return out;
    }

    private static List<Object> gitlabLabels(List<String> labels) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            out.add(Map.of("id", 200 + i, "title", labels.get(i), "color", "#ffffff", "project_id", 14,
                    "type", "ProjectLabel"));
        }
        return out;
    }

    private static List<Object> adoLabels(List<String> labels) {
        List<Object> out = new ArrayList<>();
        for (String l : labels) {
            out.add(Map.of("id", "f1a2" + l.hashCode(), "name", l, "active", true));
        }
        return out;
    }

    private static String gitlabAction(String action) {
        return switch (action) {
            case "opened" -> "open";
            case "reopened" -> "reopen";
            case "closed" -> "close";
            case "merged" -> "merge";
            default -> "update";
        };
    }

    private static String giteaAction(String action) {
        return switch (action) {
            case "synchronize" -> "synchronized";
            case "labeled", "unlabeled" -> "label_updated";
            default -> action;
        };
    }

    private static String giteaEvent(String action) {
        return switch (action) {
            case "synchronize" -> "pull_request_sync";
            case "labeled", "unlabeled" -> "pull_request_label";
            default -> "pull_request";
        };
    }

    private static String adoEvent(String action) {
        return switch (action) {
            case "opened" -> "git.pullrequest.created";
            case "closed", "merged" -> "git.pullrequest.merged";
            default -> "git.pullrequest.updated";
        };
    }
}
