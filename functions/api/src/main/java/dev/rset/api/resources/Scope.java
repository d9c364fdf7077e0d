package dev.rset.api.resources;

/**
 * Where an apply may write, from its route: IAM policies grant routes, so the route, not the
 * body, decides which objects a caller can change.
 */
public sealed interface Scope {
    /** {@code POST /v1/namespaces/{name}/apply}: namespaced objects in that namespace only. */
    record Namespace(String name) implements Scope {
    }

    /** {@code POST /v1/clusters}: Clusters only. */
    record Clusters() implements Scope {
    }

    /** {@code POST /v1/apply}: any object, for callers allowed everything. */
    record Anywhere() implements Scope {
    }
}
