package dev.rset.forge.inputs;

import java.util.List;

/** What a forge or registry API lists for a provider, before filters, skip rules and limit. */
public sealed interface Listed {
    /** An open pull/merge request. */
    record ChangeRequest(long number, String sha, String branch, String author, String title, List<String> labels)
            implements Listed {
        public ChangeRequest {
            labels = List.copyOf(labels);
        }
    }

    /** A branch or a tag and the commit it points at. */
    record Ref(String name, String sha) implements Listed {
    }

    /** A GitLab environment with its last running (or, while available, successful) deployment. */
    record Environment(long id, String name, String slug, String sha, String branch, String author)
            implements Listed {
    }

    /** An OCI artifact tag and the digest of the manifest it names. */
    record OciTag(String tag, String digest) implements Listed {
    }
}
