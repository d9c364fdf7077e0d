package dev.rset.cli.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;

/** {@code rset reconcile KIND NAME [--force]}. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Request a reconciliation now; --force also runs outside the delivery window.")
public final class ReconcileCommand extends ActionCommand {
    @Option(names = "--force", description = "Set reconcile.fluxcd.io/forceAt too, to run outside the schedule window")
    boolean force;

    @Override
    String action() {
        return "reconcile";
    }

    @Override
    Map<String, String> query() {
        return force ? Map.of("force", "true") : Map.of();
    }

    @Override
    String done() {
        return force ? "reconcile forced" : "reconcile requested";
    }
}
