package dev.rset.cli;

import dev.rset.cli.admin.ApplyCommand;
import dev.rset.cli.admin.ClustersCommand;
import dev.rset.cli.admin.DeleteCommand;
import dev.rset.cli.admin.GetCommand;
import dev.rset.cli.admin.ReceiversCommand;
import dev.rset.cli.admin.ReconcileCommand;
import dev.rset.cli.admin.ResumeCommand;
import dev.rset.cli.admin.SuspendCommand;
import dev.rset.cli.dev.DevCommand;
import dev.rset.cli.render.BuildCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rset}: ResourceSets for a serverless Flux control plane.
 *
 * <p>The subcommands are added by {@link #commandLine(String...)} rather than listed in the
 * annotation: picocli reflects over every command it is given, and for {@code rset build} that
 * was most of a small build's start-up, so a command line naming a subcommand gets only that one.
 */
@Command(name = "rset", mixinStandardHelpOptions = true, version = "rset 0.1.0",
        description = "Render and manage Flux Operator ResourceSets.")
public final class RsetCommand {
    /** In the order the help lists them; suppliers so an unused command's class is never loaded. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("build", BuildCommand::new);
        SUBCOMMANDS.put("apply", ApplyCommand::new);
        SUBCOMMANDS.put("get", GetCommand::new);
        SUBCOMMANDS.put("delete", DeleteCommand::new);
        SUBCOMMANDS.put("reconcile", ReconcileCommand::new);
        SUBCOMMANDS.put("suspend", SuspendCommand::new);
        SUBCOMMANDS.put("resume", ResumeCommand::new);
        SUBCOMMANDS.put("clusters", ClustersCommand::new);
        SUBCOMMANDS.put("receivers", ReceiversCommand::new);
        SUBCOMMANDS.put("dev", DevCommand::new);
    }

    /**
     * The command line for {@code args}: with only the subcommand {@code args[0]} names, or with
     * all of them when it names none (help, version, or an error that lists them).
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new RsetCommand());
        Supplier<Object> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named.get());
        } else {
            SUBCOMMANDS.values().forEach(s -> cli.addSubcommand(s.get()));
        }
        return cli;
    }
}
