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
import picocli.CommandLine.Command;

/** {@code rset}: ResourceSets for a serverless Flux control plane. */
@Command(name = "rset", mixinStandardHelpOptions = true, version = "rset 0.1.0",
        description = "Render and manage Flux Operator ResourceSets.",
        subcommands = {BuildCommand.class, ApplyCommand.class, GetCommand.class, DeleteCommand.class,
            ReconcileCommand.class, SuspendCommand.class, ResumeCommand.class, ClustersCommand.class,
            ReceiversCommand.class, DevCommand.class})
public final class RsetCommand {
}
