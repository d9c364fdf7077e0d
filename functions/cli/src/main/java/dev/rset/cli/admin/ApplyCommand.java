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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code rset apply -f FILE...}: create or update objects from YAML or JSON. Each namespace's
 * objects go to that namespace's route ({@code POST /v1/namespaces/NS/apply}) and Clusters to
 * {@code POST /v1/clusters}, so an IAM policy that grants a team its namespace's routes is all
 * it needs; each request is all or nothing (Clusters first, then namespaces in file order).
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Create or update objects from YAML or JSON files (all or nothing per namespace).")
public final class ApplyCommand extends AdminCommand {
    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
            description = "A file, a directory of .yaml/.yml/.json files, or - for standard input (repeatable)")
    List<String> files;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "The namespace of objects that name none (default: \"default\"); an object naming "
                    + "another one is refused")
    String namespace;

    @Option(names = "--validate", defaultValue = "strict", paramLabel = "MODE",
            description = "Fields the kind does not have: strict (refused, the default), warn (stored, with a "
                    + "warning) or ignore, as kubectl apply --validate")
    String validate;

    /** One request: the route and the documents that go there. */
    /** The unquoted-input warnings printed from the files, which the API's answer then repeats. */
    private final List<String> unquotedSaid = new ArrayList<>();

    private record Batch(String path, List<Object> documents) {
    }

    @Override
    void run(ApiClient api) {
        String fieldValidation = switch (validate.toLowerCase(Locale.ROOT)) {
            case "strict", "true" -> "Strict";
            case "warn" -> "Warn";
            case "ignore", "false" -> "Ignore";
            default -> throw new UsageException("--validate must be strict, warn or ignore, got \"" + validate + "\"");
        };
        List<String> docs = new ArrayList<>();
        for (String f : files) {
            List<String> texts = read(f);
            texts.forEach(text -> warn(f, text));
            docs.addAll(texts);
        }
        String body = String.join("\n---\n", docs);
        List<Batch> batches = batches(body);
        for (Batch batch : batches) {
            Map<String, Object> result;
            if (batches.size() == 1 || batch.documents() == null) {
                // The body as written: the API's errors and warnings then quote it.
                boolean singleJson = docs.size() == 1 && docs.get(0).stripLeading().startsWith("{");
                result = api.json("POST", batch.path(), Map.of("fieldValidation", fieldValidation), body,
                        singleJson ? ApiClient.JSON : ApiClient.YAML);
            } else {
                result = api.json("POST", batch.path(), Map.of("fieldValidation", fieldValidation),
                        ApiClient.toJson(Map.of("apiVersion", "v1", "kind", "List", "items", batch.documents())),
                        ApiClient.JSON);
            }
            for (Object item : ApiClient.items(result)) {
                Map<?, ?> r = (Map<?, ?>) item;
                String ns = String.valueOf(r.get("namespace"));
                out().println(String.valueOf(r.get("kind")).toLowerCase(Locale.ROOT) + "/"
                        + (ns.isEmpty() ? "" : ns + "/") + r.get("name") + " " + r.get("action"));
            }
            if (result.get("warnings") instanceof List<?> warnings) {
                // How YAML keys were read and where inputs are unquoted was said above, naming the file.
                warnings.stream().map(String::valueOf).filter(w -> !w.startsWith("line "))
                        .filter(w -> unquotedSaid.stream().noneMatch(m -> w.endsWith(": " + m)))
                        .forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            }
            out().flush();
        }
    }

    /**
     * The requests, Clusters first, then one per namespace in the order the files name them. A
     * body that does not parse goes whole to the namespace route, whose answer names the error.
     */
    private List<Batch> batches(String body) {
        String fallback = namespace == null || namespace.isEmpty() ? "default" : namespace;
        List<Object> documents;
        try {
            documents = expandLists(GoYaml.readManifests(body, ManifestSchemas.ALL).documents());
        } catch (GoYamlException e) {
            return List.of(new Batch(namespacePath(fallback), null));
        }
        Map<String, List<Object>> byPath = new LinkedHashMap<>();
        byPath.put(CLUSTERS, new ArrayList<>());
        for (Object doc : documents) {
            String path = CLUSTERS;
            if (!(doc instanceof Map<?, ?> m) || !"Cluster".equals(m.get("kind"))) {
                Object ns = doc instanceof Map<?, ?> m && m.get("metadata") instanceof Map<?, ?> meta
                        ? meta.get("namespace") : null;
                path = namespacePath(namespace != null && !namespace.isEmpty() ? namespace
                        : ns instanceof String s && !s.isEmpty() ? s : fallback);
            }
            byPath.computeIfAbsent(path, k -> new ArrayList<>()).add(doc);
        }
        List<Batch> out = new ArrayList<>();
        byPath.forEach((path, docs) -> {
            if (!docs.isEmpty()) {
                out.add(new Batch(path, docs));
            }
        });
        return out.isEmpty() ? List.of(new Batch(namespacePath(fallback), null)) : out;
    }

    private static final String CLUSTERS = "/v1/clusters";

    private static String namespacePath(String ns) {
        return "/v1/namespaces/" + java.net.URLEncoder.encode(ns, java.nio.charset.StandardCharsets.UTF_8) + "/apply";
    }

    private static List<Object> expandLists(List<Object> docs) {
        List<Object> out = new ArrayList<>();
        for (Object doc : docs) {
            if (doc instanceof Map<?, ?> m && "List".equals(m.get("kind")) && m.get("items") instanceof List<?> items) {
                out.addAll(items);
            } else {
                out.add(doc);
            }
        }
        return out;
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
            for (Object d : manifest.documents()) {
                unquotedSaid.addAll(InputQuoting.warn(spec.commandLine().getErr(), name, d));
            }
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
