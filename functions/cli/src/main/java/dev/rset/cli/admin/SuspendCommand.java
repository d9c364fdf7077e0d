package dev.rset.cli.admin;

import picocli.CommandLine.Command;

/** {@code rset suspend KIND NAME}. */
@Command(name = "suspend", mixinStandardHelpOptions = true, description = "Stop reconciling an object until resumed.")
public final class SuspendCommand extends ActionCommand {
    @Override
    String action() {
        return "suspend";
    }

    @Override
    String done() {
        return "suspended";
    }
}
