package dev.rset.cli.admin;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.Map;

/** The verbs that act on one ResourceSet or ResourceSetInputProvider: reconcile, suspend, resume. */
abstract class ActionCommand extends AdminCommand {
    @Parameters(index = "0", paramLabel = "KIND", description = "resourceset (rset) or resourcesetinputprovider (rsip)")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Option(names = {"-n", "--namespace"}, defaultValue = "default", paramLabel = "NAMESPACE")
    String namespace;

    abstract String action();

    Map<String, String> query() {
        return Map.of();
    }

    abstract String done();

    @Override
    void run(ApiClient api) {
        ResourceKind k = ResourceKind.require(kind);
        api.json("POST", k.path(namespace, name) + "/" + action(), query(), "", null);
        out().println(k.kind.toLowerCase(Locale.ROOT) + "/" + namespace + "/" + name + " " + done());
    }
}
