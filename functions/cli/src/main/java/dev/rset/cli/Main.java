package dev.rset.cli;

import dev.rset.cli.render.BuildLine;
import dev.rset.cli.render.ResourceSetBuild;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code rset} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns its exit code; errors go to {@code err} as one line, never a stack trace. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            // The common offline build starts without picocli; it answers as picocli would.
            ResourceSetBuild build = BuildLine.parse(args);
            return build != null ? runBuild(build, out, err) : runCommandLine(out, err, args);
        } catch (OutOfMemoryError e) {
            // Unwound by now, so there is room for one line instead of a stack trace.
            err.println("error: out of memory; give the JVM more heap, e.g. JAVA_TOOL_OPTIONS=-Xmx2g");
            return 1;
        } catch (StackOverflowError e) {
            err.println("error: stack overflow while running the command");
            return 1;
        }
    }

    private static int runBuild(ResourceSetBuild build, PrintWriter out, PrintWriter err) {
        try {
            return build.run(out, err);
        } catch (RuntimeException e) {
            err.println("error: " + CliErrors.message(e));
            return 1;
        }
    }

    /** Any command line through picocli (the build too: tests compare the two readings). */
    static int runCommandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = RsetCommand.commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + CliErrors.message(ex));
            return 1;
        });
        cli.setParameterExceptionHandler((ex, parsedArgs) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            return 1;
        });
        return cli.execute(args);
    }
}
