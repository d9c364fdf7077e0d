package dev.rset.cli.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code rset get KIND [NAME]}: a table like kubectl get, or the objects as YAML or JSON. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show objects: resourcesets (rset), resourcesetinputproviders (rsip), receivers, clusters.")
public final class GetCommand extends AdminCommand {
    @Parameters(index = "0", paramLabel = "KIND")
    String kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME")
    String name;

    @Option(names = {"-n", "--namespace"}, defaultValue = "default", paramLabel = "NAMESPACE")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "List across all namespaces")
    boolean allNamespaces;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. team=a,env!=dev")
    String selector;

    @Option(names = "--chunk-size", defaultValue = "500", paramLabel = "N",
            description = "Objects per request of a list (the API answers in pages; all pages are shown)")
    int chunkSize;

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table, yaml or json")
    OutputFormat output;

    @Override
    void run(ApiClient api) {
        ResourceKind k = ResourceKind.require(kind);
        String path = name != null ? k.path(namespace, name) : k.path(allNamespaces ? null : namespace, null);
        Map<String, String> query = new HashMap<>();
        if (selector != null) {
            query.put("labelSelector", selector);
        }
        if (name == null) {
            query.put("limit", Integer.toString(chunkSize));
        }
        if (output != OutputFormat.table) {
            out().print(name != null ? api.call("GET", path, query, null, null, output.accept())
                    : api.listAll(path, query, output));
            out().flush();
            return;
        }
        Map<String, Object> body = name != null ? api.json("GET", path, query, null, null) : api.listAll(path, query);
        List<Object> items = ApiClient.items(body);
        if (items.isEmpty()) {
            spec.commandLine().getErr().println(k.namespaced && !allNamespaces
                    ? "No resources found in " + namespace + " namespace." : "No resources found");
            return;
        }
        out().print(k == ResourceKind.CLUSTER ? Table.clusters(items, Instant.now())
                : k == ResourceKind.RECEIVER ? Table.receivers(items, allNamespaces && name == null, Instant.now())
                : Table.objects(items, allNamespaces && name == null, Instant.now()));
        out().flush();
    }
}
