package dev.rset.cli.render;

import picocli.CommandLine.Command;

/** {@code rset build}: offline rendering. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build objects offline.",
        subcommands = {BuildResourceSetCommand.class})
public final class BuildCommand {
}
