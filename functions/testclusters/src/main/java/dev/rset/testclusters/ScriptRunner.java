package dev.rset.testclusters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts of {@code testenv/kubernetes}. Their stdout is the result; their stderr goes
 * to a log file, never to this JVM's own streams (Surefire talks to a forked JVM over stdout), and
 * its tail becomes the message of a failure.
 */
final class ScriptRunner {
    /** How a script exited and what it printed to stdout (trimmed). */
    record Result(int exitCode, String stdout) {
    }

    private final Path scripts;
    private final Map<String, String> environment;
    private final Path log;

    ScriptRunner(Path scripts, Map<String, String> environment, Path log) {
        this.scripts = scripts;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    Path scripts() {
        return scripts;
    }

    Path log() {
        return log;
    }

    /** Runs the script and fails unless it exits with 0; returns its stdout, trimmed. */
    String run(Duration timeout, String script, String... args) {
        Result result = runAllowingFailure(timeout, script, args);
        if (result.exitCode() != 0) {
            throw failure(script + " exited with " + result.exitCode());
        }
        return result.stdout();
    }

    Result runAllowingFailure(Duration timeout, String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(scripts.resolve(script).toString());
        command.addAll(List.of(args));
        try {
            Files.createDirectories(log.getParent());
            Path stdout = Files.createTempFile(log.getParent(), script, ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(stdout.toFile())
                        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw failure(script + " did not finish within " + timeout);
                }
                return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8).trim());
            } finally {
                Files.deleteIfExists(stdout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + "; last lines of " + log + ":\n" + tail(log, 30));
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read it: " + e.getMessage() + ")";
        }
    }
}
