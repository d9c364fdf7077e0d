package dev.rset.forge.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.forge.notify.Notice.Phase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {
    static Notice notice(Phase phase, String title, String reason) {
        return new Notice("apps", "preview", phase, reason,
                new Notice.Input("12", "0123456789abcdef0123456789abcdef01234567", "feat/login", title, "ann"),
                List.of(new Notice.ClusterState("eu-1", "ready", "", 3), new Notice.ClusterState("us-1", "ready", "", 3)),
                List.of(new Notice.ObjectRef("ConfigMap", "apps", "app-12"), new Notice.ObjectRef("Ingress", "apps", "app-12")),
                List.of(new Notice.Link("Ingress apps/app-12", "https://app-12.preview.example.com")));
    }

    @Test
    void theDefaultCommentNamesTheClustersObjectsAndUrls() {
        String body = Messages.comment(notice(Phase.SUCCESS, "Add login", ""), Messages.DEFAULT_COMMENT);
        assertEquals("""
                <!-- rset:apps/preview -->
                ### :white_check_mark: Preview environment ready

                ResourceSet **apps/preview**, commit 0123456 of feat/login: Add login (by ann)

                | Cluster | Status | Objects |
                |---|---|---|
                | eu-1 | ready | 3 |
                | us-1 | ready | 3 |

                - [Ingress apps/app-12](https://app-12.preview.example.com)

                2 objects: ConfigMap apps/app-12; Ingress apps/app-12;\s
                """, body);
    }

    @Test
    void aFailureQuotesTheReasonAndRemovedSaysSo() {
        String failed = Messages.comment(notice(Phase.FAILURE, "t", "failed to build resources[0]: boom"),
                Messages.DEFAULT_COMMENT);
        assertTrue(failed.contains("### :x: Preview environment failed"), failed);
        assertTrue(failed.contains("\n> failed to build resources\\[0\\]: boom\n"), failed);
        String removed = Messages.comment(notice(Phase.REMOVED, "t", ""), Messages.DEFAULT_COMMENT);
        assertTrue(removed.contains("environment was removed"), removed);
        assertFalse(removed.contains("| Cluster |"), removed);
    }

    @Test
    void aHostileTitleRendersInert() {
        String title = "x](http://evil) @org/team <img src=x onerror=alert(1)> #1 www.evil.com";
        String body = Messages.comment(notice(Phase.PENDING, title, ""), "{{input.title}} {{{input.title}}}");
        String escaped = "x\\]\\(http:\u200B//evil\\) @\u200Borg/team &lt;img src=x onerror=alert\\(1\\)&gt; "
                + "#\u200B1 www.\u200Bevil.com";
        assertEquals("<!-- rset:apps/preview -->\n" + escaped + " " + escaped, body);
        assertEquals("\\- item", Markdown.escape("- item"));
        assertEquals("1\\. item", Markdown.escape("1. item"));
    }

    @Test
    void descriptionsArePlainTextOnOneLine() {
        assertEquals("Failed: line 1 [x] line 2", Messages.description(
                notice(Phase.FAILURE, "t", "line 1 [x]\nline 2"), Messages.DEFAULT_DESCRIPTION));
        assertEquals("Ready on 2 cluster(s)", Messages.description(notice(Phase.SUCCESS, "t", ""),
                Messages.DEFAULT_DESCRIPTION));
    }

    @Test
    void unsafeUrlsAreDropped() {
        assertEquals("", Markdown.url("javascript:alert(1)"));
        assertEquals("https://a.example/%28x%29", Markdown.url("https://a.example/(x)"));
    }

    @Test
    void policiesAreCheckedWithTheAnnotationNamed() {
        assertTrue(NotificationPolicy.from(Map.of()).isEmpty());
        NotificationPolicy p = NotificationPolicy.from(Map.of(NotificationPolicy.FORGE, "gitea",
                NotificationPolicy.SECRET_REF, "forge-token", NotificationPolicy.COMMIT_STATUS, "false")).orElseThrow();
        assertEquals(new NotificationPolicy(Forge.GITEA, "forge-token", false, true, Messages.DEFAULT_COMMENT,
                Messages.DEFAULT_DESCRIPTION), p);
        assertEquals("metadata.annotations[notify.rset.dev/forge]: unsupported forge \"bitbucket\" (one of github, "
                + "gitlab, gitea, azuredevops; Forgejo is gitea)", assertThrows(IllegalArgumentException.class,
                        () -> NotificationPolicy.from(Map.of(NotificationPolicy.FORGE, "bitbucket"))).getMessage());
        assertEquals("metadata.annotations[notify.rset.dev/comment]: must be \"true\" or \"false\", got \"yes\"",
                assertThrows(IllegalArgumentException.class, () -> NotificationPolicy.from(Map.of(
                        NotificationPolicy.FORGE, "github", NotificationPolicy.COMMENT, "yes"))).getMessage());
        String unknownName = assertThrows(IllegalArgumentException.class, () -> NotificationPolicy.from(Map.of(
                NotificationPolicy.FORGE, "github", NotificationPolicy.COMMENT_TEMPLATE, "{{input.nope}}")))
                .getMessage();
        assertTrue(unknownName.startsWith("metadata.annotations[notify.rset.dev/commentTemplate]: "), unknownName);
        assertTrue(unknownName.contains("input.nope"), unknownName);
        String syntax = assertThrows(IllegalArgumentException.class, () -> NotificationPolicy.from(Map.of(
                NotificationPolicy.FORGE, "github", NotificationPolicy.DESCRIPTION_TEMPLATE, "{{#failure}}x")))
                .getMessage();
        assertTrue(syntax.startsWith("metadata.annotations[notify.rset.dev/descriptionTemplate]: "), syntax);
        assertThrows(IllegalArgumentException.class, () -> NotificationPolicy.from(Map.of(NotificationPolicy.FORGE,
                "github", "notify.rset.dev/comments", "true")));
    }
}
