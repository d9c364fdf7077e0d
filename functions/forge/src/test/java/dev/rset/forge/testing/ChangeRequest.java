package dev.rset.forge.testing;

import java.time.Instant;
import java.util.List;

/** The facts of a pull/merge request that a test sends in any forge's payload shape. */
public record ChangeRequest(long number, String action, boolean open, String sha, String branch, String author,
        String title, List<String> labels, Instant updatedAt) {
    public ChangeRequest {
        labels = List.copyOf(labels);
    }

    public static ChangeRequest opened(long number, String sha, Instant at) {
        return new ChangeRequest(number, "opened", true, sha, "feature-" + number, "dev", "Feature " + number,
                List.of("preview"), at);
    }

    public ChangeRequest synchronize(String newSha, Instant at) {
        return new ChangeRequest(number, "synchronize", true, newSha, branch, author, title, labels, at);
    }

    public ChangeRequest closed(Instant at) {
        return new ChangeRequest(number, "closed", false, sha, branch, author, title, labels, at);
    }

    public ChangeRequest labeled(List<String> newLabels, Instant at) {
        return new ChangeRequest(number, "labeled", true, sha, branch, author, title, newLabels, at);
    }

    public ChangeRequest edited(String newTitle, Instant at) {
        return new ChangeRequest(number, "edited", true, sha, branch, author, newTitle, labels, at);
    }

    public ChangeRequest withAction(String a) {
        return new ChangeRequest(number, a, open, sha, branch, author, title, labels, updatedAt);
    }

    public ChangeRequest withBranch(String b) {
        return new ChangeRequest(number, action, open, sha, b, author, title, labels, updatedAt);
    }
}
