package dev.rset.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of {@code mvn package}: builds every example under the folder it is given (each
 * with the arguments of its {@code args} file), output discarded, in a JVM started with
 * {@code -XX:ArchiveClassesAtExit}, so the AppCDS archive {@code bin/rset} uses holds the classes
 * (and lambda forms) a build loads. Failing examples are fine: their error paths get archived too.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        for (String root : args) {
            List<Path> cases;
            try (Stream<Path> dirs = Files.list(Path.of(root))) {
                cases = dirs.filter(d -> Files.isRegularFile(d.resolve("args"))).sorted().toList();
            }
            for (Path dir : cases) {
                Main.run(discard, discard, commandLine(dir));
            }
        }
    }

    /** {@code build resourceset} and the case's arguments, file names resolved against its folder. */
    private static String[] commandLine(Path dir) throws IOException {
        List<String> line = new ArrayList<>(List.of("build", "resourceset"));
        for (String arg : Files.readString(dir.resolve("args")).trim().split("\\s+")) {
            line.add(Files.exists(dir.resolve(arg)) ? dir.resolve(arg).toString() : arg);
        }
        return line.toArray(String[]::new);
    }
}
