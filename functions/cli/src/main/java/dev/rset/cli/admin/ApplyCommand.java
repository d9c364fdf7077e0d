package dev.rset.cli.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.yaml.GoYaml;
import dev.rset.core.yaml.GoYamlException;
import dev.rset.core.yaml.Manifest;
import dev.rset.cli.InputQuoting;
import dev.rset.core.yaml.YamlWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** {@code rset apply -f FILE...}: create or update objects from YAML or JSON, all or nothing. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Create or update objects from YAML or JSON files (all documents are applied together).")
public final class ApplyCommand extends AdminCommand {
    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
            description = "A file, a directory of .yaml/.yml/.json files, or - for standard input (repeatable)")
    List<String> files;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "Not used to rewrite documents: objects without a namespace go to \"default\"")
    String namespace;

    @Override
    void run(ApiClient api) {
        List<String> docs = new ArrayList<>();
        for (String f : files) {
            List<String> texts = read(f);
            texts.forEach(text -> warn(f, text));
            docs.addAll(texts);
        }
        boolean singleJson = docs.size() == 1 && docs.get(0).stripLeading().startsWith("{");
        String body = String.join("\n---\n", docs);
        Map<String, Object> result = api.json("POST", "/v1/apply", Map.of(), body,
                singleJson ? ApiClient.JSON : ApiClient.YAML);
        for (Object item : ApiClient.items(result)) {
            Map<?, ?> r = (Map<?, ?>) item;
            String ns = String.valueOf(r.get("namespace"));
            out().println(String.valueOf(r.get("kind")).toLowerCase(Locale.ROOT) + "/"
                    + (ns.isEmpty() ? "" : ns + "/") + r.get("name") + " " + r.get("action"));
        }
    }

    /**
     * Says how keys were read, and where a ResourceSet prints provider inputs unquoted (the API
     * answers with the key warnings too, but counts lines in the joined request body, not in the
     * user's file). A file that does not parse is left to the API, which names the error.
     */
    private void warn(String file, String text) {
        String name = file.equals("-") ? "<stdin>" : file;
        try {
            Manifest manifest = GoYaml.readManifests(text, ManifestSchemas.ALL);
            for (YamlWarning w : manifest.warnings()) {
                spec.commandLine().getErr().println("warning: " + name + ":" + w.line() + ": " + w.message());
            }
            manifest.documents().forEach(d -> InputQuoting.warn(spec.commandLine().getErr(), name, d));
        } catch (GoYamlException e) {
            // reported by the API
        }
    }

    private List<String> read(String f) {
        try {
            if (f.equals("-")) {
                return List.of(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
            }
            Path p = Path.of(f);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> manifests = s.filter(x -> x.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
                    List<String> out = new ArrayList<>();
                    for (Path m : manifests) {
                        out.add(Files.readString(m));
                    }
                    return out;
                }
            }
            return List.of(Files.readString(p));
        } catch (IOException e) {
            throw new UsageException("cannot read " + f + ": " + e.getMessage());
        }
    }
}
