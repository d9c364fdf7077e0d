package dev.rset.ops;

import java.util.Map;

/** What Lambda tells a function's init about SnapStart. */
public final class SnapStart {
    private SnapStart() {
    }

    /**
     * Whether this init runs to be snapshotted ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}):
     * the time to prime the hot path, since every restored copy starts from what it leaves.
     */
    public static boolean initialisingSnapshot(Map<String, String> env) {
        return "snap-start".equals(env.get("AWS_LAMBDA_INITIALIZATION_TYPE"));
    }
}
