package dev.rset.cli.admin;

import java.util.List;

/**
 * The admin verbs, to register as subcommands of the top-level {@code rset} command:
 * {@code subcommands = {..., ApplyCommand.class, GetCommand.class, DeleteCommand.class,
 * ReconcileCommand.class, SuspendCommand.class, ResumeCommand.class, ClustersCommand.class}}.
 */
public final class AdminCommands {
    public static final List<Class<?>> ALL = List.of(ApplyCommand.class, GetCommand.class, DeleteCommand.class,
            ReconcileCommand.class, SuspendCommand.class, ResumeCommand.class, ClustersCommand.class);

    private AdminCommands() {
    }
}
