package dev.rset.cli;

import dev.rset.cli.render.BuildLine;
import dev.rset.cli.render.BuildResourceSetCommand;
import dev.rset.cli.render.ResourceSetBuild;
import java.io.PrintWriter;
import java.util.Map;
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
        return run(System.getenv(), out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, reading {@code env} instead of the process environment. */
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        try {
            // The common offline build starts without picocli; it answers as picocli would.
            ResourceSetBuild build = BuildLine.parse(args);
            return build != null ? runBuild(build, env, out, err) : runCommandLine(env, out, err, args);
        } catch (OutOfMemoryError e) {
            // Unwound by now, so there is room for one line instead of a stack trace.
            err.println("error: out of memory; give the JVM more heap, e.g. JAVA_TOOL_OPTIONS=-Xmx2g");
            return 1;
        } catch (StackOverflowError e) {
            err.println("error: stack overflow while running the command");
            return 1;
        }
    }

    private static int runBuild(ResourceSetBuild build, Map<String, String> env, PrintWriter out, PrintWriter err) {
        try {
            return build.run(out, err, env);
        } catch (RuntimeException e) {
            err.println("error: " + CliErrors.message(e));
            return 1;
        }
    }

    /** Any command line through picocli (the build too: tests compare the two readings). */
    static int runCommandLine(PrintWriter out, PrintWriter err, String... args) {
        return runCommandLine(System.getenv(), out, err, args);
    }

    static int runCommandLine(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = RsetCommand.commandLine(args);
        CommandLine build = cli.getSubcommands().get("build");
        if (build != null && build.getSubcommands().get("resourceset") != null
                && build.getSubcommands().get("resourceset").getCommand() instanceof BuildResourceSetCommand c) {
            c.environment(env);
        }
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
