package dev.rset.cli;

import dev.rset.cli.build.BuildCommand;
import picocli.CommandLine.Command;

/** {@code rset}: ResourceSets for a serverless Flux control plane. */
@Command(name = "rset", mixinStandardHelpOptions = true, version = "rset 0.1.0",
        description = "Render and manage Flux Operator ResourceSets.",
        subcommands = {BuildCommand.class})
public final class RsetCommand {
}
