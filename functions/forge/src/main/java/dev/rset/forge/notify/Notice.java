package dev.rset.forge.notify;

import java.util.List;

/**
 * What one change request is told about its preview environment: the facts a message template
 * reads (see {@link Messages} for the names templates use). Text here is raw; {@link Messages}
 * escapes it.
 *
 * @param reason why it failed (the build's or the apply's error), empty otherwise
 */
public record Notice(String namespace, String name, Phase phase, String reason, Input input,
        List<ClusterState> clusters, List<ObjectRef> objects, List<Link> urls) {
    public Notice {
        clusters = List.copyOf(clusters);
        objects = List.copyOf(objects);
        urls = List.copyOf(urls);
    }

    /** Where the environment is; {@code REMOVED} once the change request closed and its objects were pruned. */
    public enum Phase {
        PENDING, SUCCESS, FAILURE, REMOVED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The change request's exported input. */
    public record Input(String id, String sha, String branch, String title, String author) {
    }

    /** One placed cluster: {@code status} is {@code ready}, {@code pending} or {@code failed}. */
    public record ClusterState(String name, String status, String reason, long inventory) {
    }

    /** One object rendered from the change request's input. */
    public record ObjectRef(String kind, String namespace, String name) {
    }

    /** A URL of the environment, named after the object it came from. */
    public record Link(String name, String url) {
    }

    /** {@code rset/<namespace>/<name>}: the commit status context and what the marker names. */
    public String context() {
        return "rset/" + namespace + "/" + name;
    }
}
