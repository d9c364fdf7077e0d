package dev.rset.cli.admin;

import picocli.CommandLine.Command;

/** {@code rset resume KIND NAME}. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume reconciling a suspended object.")
public final class ResumeCommand extends ActionCommand {
    @Override
    String action() {
        return "resume";
    }

    @Override
    String done() {
        return "resumed";
    }
}
