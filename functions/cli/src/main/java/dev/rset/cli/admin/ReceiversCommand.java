package dev.rset.cli.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** {@code rset receivers secret NAME [--rotate]}. */
@Command(name = "receivers", mixinStandardHelpOptions = true, description = "Manage Receivers' webhook tokens.",
        subcommands = {ReceiversCommand.Secret.class})
public final class ReceiversCommand {

    /**
     * Has the API create the Receiver's token in its secret (Secrets Manager, or the secrets file
     * under {@code rset dev}), or replace it, and prints the token and the webhook path once.
     */
    @Command(name = "secret", mixinStandardHelpOptions = true,
            description = {"Create the Receiver's webhook token in its secret (spec.secretRef), or replace it with "
                    + "--rotate, and print the token and the new webhook path. The token is shown only here: put "
                    + "it in the forge's webhook settings now.",
                "After a rotation the old path keeps being served until the webhook rebuilds its receiver index "
                    + "(at most about 75 s on AWS, 6 s under rset dev); the new one is served within seconds."})
    public static final class Secret extends AdminCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The Receiver")
        String name;

        @Option(names = {"-n", "--namespace"}, defaultValue = "default", paramLabel = "NAMESPACE")
        String namespace;

        @Option(names = "--rotate", description = "Replace an existing token (the webhook path changes with it)")
        boolean rotate;

        @Override
        void run(ApiClient api) {
            Map<String, Object> issued = api.json("POST", ResourceKind.RECEIVER.path(namespace, name) + "/token",
                    rotate ? Map.of("rotate", "true") : Map.of(), "", null);
            out().println("receiver/" + namespace + "/" + name + " token " + issued.get("action") + " in secret "
                    + issued.get("secretName"));
            out().println("token:        " + issued.get("token"));
            out().println("webhook path: " + issued.get("webhookPath"));
            out().flush();
            spec.commandLine().getErr().println("The token is not shown again: set it as the webhook's secret in the "
                    + "forge, with the API Gateway webhook URL followed by the path above."
                    + ("rotated".equals(issued.get("action")) ? " The old path stops working once the webhook "
                            + "rebuilds its receiver index (at most about 75 s)." : ""));
        }
    }
}
