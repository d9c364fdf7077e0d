package dev.rset.testclusters;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Finds etcd, kube-apiserver and kube-controller-manager, which {@code build.sh} builds from the Go
 * module proxy once and caches under {@code ~/.cache/rset-testenv}. Under {@code CI=true} a missing
 * build is an error (CI builds them in a step of its own, before Maven); elsewhere it is built here.
 */
final class Binaries {
    /** {@code build.sh --check}'s exit code when the binaries are not built yet. */
    private static final int NOT_BUILT = 3;
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(90);

    private Binaries() {
    }

    static Path locate(ScriptRunner build) {
        Path buildLog = build.log();
        ScriptRunner.Result check = build.runAllowingFailure(CHECK_TIMEOUT, "build.sh", "--check");
        if (check.exitCode() == 0) {
            return Path.of(check.stdout());
        }
        Path command = build.scripts().resolve("build.sh");
        if (check.exitCode() != NOT_BUILT) {
            throw new IllegalStateException(command + " --check exited with " + check.exitCode() + "; see " + buildLog);
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("The Kubernetes test binaries are not built. CI must build them before"
                    + " the tests: run " + command + " (needs Go 1.26+; about 15 minutes once, cached afterwards)");
        }
        System.err.println("testclusters: building etcd, kube-apiserver and kube-controller-manager with " + command
                + "; this takes about 15 minutes once (cached afterwards), progress in " + buildLog);
        return Path.of(build.run(BUILD_TIMEOUT, "build.sh"));
    }
}
