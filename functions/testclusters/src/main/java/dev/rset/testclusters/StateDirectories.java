package dev.rset.testclusters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One state directory per test JVM ({@code jvm-<pid>} under the module's {@code target/}), so two
 * JVMs running at once never share clusters, ports or files. Directories of JVMs that have exited
 * are removed once everything they started has been stopped (stop.sh removes the pid files).
 */
final class StateDirectories {
    private static final String PREFIX = "jvm-";

    private StateDirectories() {
    }

    static Path forThisJvm(Path root) {
        try {
            Files.createDirectories(root);
            removeStale(root);
            return Files.createDirectories(root.resolve(PREFIX + ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory under " + root, e);
        }
    }

    /** The etcd data is the only large part (etcd preallocates its write-ahead log). */
    static void removeData(Path stateDir) {
        deleteRecursively(stateDir.resolve("etcd"));
    }

    private static void removeStale(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(StateDirectories::isStale).toList()) {
                deleteRecursively(dir);
            }
        }
    }

    private static boolean isStale(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(PREFIX) || !Files.isDirectory(dir)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(name.substring(PREFIX.length()));
        } catch (NumberFormatException notOurs) {
            return false;
        }
        return ProcessHandle.of(pid).isEmpty() && !hasRunningProcesses(dir);
    }

    private static boolean hasRunningProcesses(Path dir) {
        Path run = dir.resolve("run");
        if (!Files.isDirectory(run)) {
            return false;
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".pid"));
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
