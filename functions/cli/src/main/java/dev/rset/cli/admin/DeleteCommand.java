package dev.rset.cli.admin;

import dev.rset.core.api.NestedFields;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code rset delete KIND NAME} or {@code rset delete -f FILE}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete objects by kind and name, or those in a file.")
public final class DeleteCommand extends AdminCommand {
    @Parameters(arity = "0..2", paramLabel = "KIND NAME")
    List<String> args = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE", description = "Delete the objects this file describes")
    String file;

    @Option(names = {"-n", "--namespace"}, defaultValue = "default", paramLabel = "NAMESPACE")
    String namespace;

    @Override
    void run(ApiClient api) {
        List<String[]> targets = new ArrayList<>();
        if (file != null) {
            if (!args.isEmpty()) {
                throw new UsageException("give either -f FILE or KIND NAME, not both");
            }
            targets.addAll(fromFile(file));
        } else if (args.size() == 2) {
            targets.add(new String[] {args.get(0), namespace, args.get(1)});
        } else {
            throw new UsageException("expected KIND NAME (e.g. rset delete rset podinfo -n apps) or -f FILE");
        }
        for (String[] t : targets) {
            ResourceKind k = ResourceKind.require(t[0]);
            api.json("DELETE", k.path(t[1], t[2]), Map.of(), null, null);
            out().println(k.kind.toLowerCase(Locale.ROOT) + "/" + (k.namespaced ? t[1] + "/" : "") + t[2] + " deleted");
        }
    }

    private static List<String[]> fromFile(String file) {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        List<String[]> out = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (doc instanceof Map<?, ?> m) {
                Object kind = m.get("kind");
                Object name = NestedFields.dig(m, "metadata", "name");
                Object ns = NestedFields.dig(m, "metadata", "namespace");
                if (kind == null || name == null) {
                    throw new UsageException(file + ": every document needs kind and metadata.name");
                }
                out.add(new String[] {kind.toString(), ns == null ? "default" : ns.toString(), name.toString()});
            }
        }
        return out;
    }
}
