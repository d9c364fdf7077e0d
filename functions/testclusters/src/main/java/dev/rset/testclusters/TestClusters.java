package dev.rset.testclusters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two real Kubernetes API servers, {@code a} and {@code b}, for tests that need server-side apply,
 * RBAC, namespaces that really terminate, or a cluster that goes away. {@link #shared()} starts
 * them once per JVM (about 5 s) with {@code testenv/kubernetes/start.sh} and stops them when the
 * JVM exits; if the JVM dies without running its shutdown hooks, the scripts' watchdog stops them.
 *
 * <p>Each JVM gets its own clusters and state directory under its module's
 * {@code target/testclusters/}, so modules tested one after the other or at the same time do not
 * meet. Clusters keep their data for the JVM's lifetime: give each test its own namespaces.
 */
public final class TestClusters {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final String[] NAMES = {"a", "b"};

    private static TestClusters shared;
    private static RuntimeException sharedFailure;

    private final ScriptRunner scripts;
    private final Path stateDir;
    private final Map<String, KubeCluster> clusters = new LinkedHashMap<>();

    private TestClusters(ScriptRunner scripts, Path stateDir) {
        this.scripts = scripts;
        this.stateDir = stateDir;
    }

    /** The clusters of this JVM, started on first use; a failed start is not retried. */
    public static synchronized TestClusters shared() {
        if (sharedFailure != null) {
            throw sharedFailure;
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    public KubeCluster a() {
        return cluster("a");
    }

    public KubeCluster b() {
        return cluster("b");
    }

    public KubeCluster cluster(String name) {
        KubeCluster cluster = clusters.get(name);
        if (cluster == null) {
            throw new IllegalArgumentException("no test cluster '" + name + "'; there are " + clusters.keySet());
        }
        return cluster;
    }

    /** Where the processes' logs ({@code logs/}) and the clusters' files live. */
    public Path stateDir() {
        return stateDir;
    }

    synchronized void stop(String name) {
        scripts.run(STOP_TIMEOUT, "stop.sh", name);
    }

    synchronized void startMissing() {
        scripts.run(START_TIMEOUT, "start.sh");
    }

    private static TestClusters start() {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path scriptsDir = scriptsDir(moduleDir);
        Path root = moduleDir.resolve("target").resolve("testclusters");
        Path bin = Binaries.locate(new ScriptRunner(scriptsDir, Map.of(), root.resolve("build.log")));

        Path stateDir = StateDirectories.forThisJvm(root);
        ScriptRunner scripts = new ScriptRunner(scriptsDir, Map.of(
                "RSET_TESTENV_STATE", stateDir.toString(),
                "RSET_TESTENV_BIN", bin.toString(),
                "RSET_TESTENV_OWNER_PID", Long.toString(ProcessHandle.current().pid())),
                stateDir.resolve("logs").resolve("scripts.log"));
        TestClusters clusters = new TestClusters(scripts, stateDir);
        Runtime.getRuntime().addShutdownHook(new Thread(clusters::shutdown, "testclusters-stop"));

        long started = System.nanoTime();
        clusters.startMissing();
        for (String name : NAMES) {
            clusters.clusters.put(name, KubeCluster.read(stateDir, name, clusters));
        }
        System.err.printf("testclusters: a and b ready in %.1f s (state and logs: %s)%n",
                (System.nanoTime() - started) / 1e9, stateDir);
        return clusters;
    }

    private void shutdown() {
        try {
            scripts.run(STOP_TIMEOUT, "stop.sh");
            StateDirectories.removeData(stateDir);
        } catch (RuntimeException e) {
            System.err.println("testclusters: stopping failed, the watchdog will retry: " + e.getMessage());
        }
    }

    /** {@code testenv/kubernetes} of the repository this module belongs to. */
    private static Path scriptsDir(Path moduleDir) {
        for (Path dir = moduleDir; dir != null; dir = dir.getParent()) {
            Path scripts = dir.resolve("testenv").resolve("kubernetes");
            if (Files.isExecutable(scripts.resolve("start.sh"))) {
                return scripts;
            }
        }
        throw new IllegalStateException("testenv/kubernetes/start.sh not found in " + moduleDir + " or above");
    }
}
