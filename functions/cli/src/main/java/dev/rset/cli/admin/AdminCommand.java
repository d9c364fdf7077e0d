package dev.rset.cli.admin;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** What every admin verb shares: server options, and errors printed as one line with exit code 1. */
abstract class AdminCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            run(server.client());
            return 0;
        } catch (UsageException e) {
            spec.commandLine().getErr().println(e.getMessage().startsWith("Error from server")
                    ? e.getMessage() : "error: " + e.getMessage());
            return 1;
        }
    }

    abstract void run(ApiClient api);

    java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
