package dev.rset.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** The outcome of one in-process run of the command. */
public record CliRun(int exitCode, String stdout, String stderr) {
    /** Runs {@code rset} with {@code args}, relative file names resolved against {@code dir}. */
    public static CliRun in(Path dir, String... args) {
        return in(System.getenv(), dir, args);
    }

    /** As {@link #in(Path, String...)}, the command reading {@code env} as its environment. */
    public static CliRun in(Map<String, String> env, Path dir, String... args) {
        String[] resolved = args.clone();
        for (int i = 1; i < resolved.length; i++) {
            boolean fileFlag = switch (resolved[i - 1]) {
                case "-f", "--filename", "-i", "--inputs-from", "--inputs-from-provider" -> true;
                default -> false;
            };
            if (fileFlag && !resolved[i].equals("-")) {
                resolved[i] = dir.resolve(resolved[i]).toString();
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), resolved);
        return new CliRun(code, out.toString(), err.toString());
    }
}
