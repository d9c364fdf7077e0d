package dev.rset.cli.render;

import dev.rset.cli.UserError;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.api.ProviderType;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.yaml.GoYaml;
import dev.rset.core.yaml.GoYamlException;
import dev.rset.core.yaml.Manifest;
import dev.rset.core.yaml.YamlWarning;
import java.io.PrintWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading the manifests and input files named on the command line, as the Flux Operator reads
 * them (see {@link ManifestSchemas}); what the author should know about how a file was read goes
 * to {@code warnings} as {@code warning: FILE:LINE: ...}.
 */
final class ManifestFiles {
    /** Larger manifests are refused rather than read into memory. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final PrintWriter warnings;

    ManifestFiles(PrintWriter warnings) {
        this.warnings = warnings;
    }

    private List<Object> documents(String name, String what, boolean firstOnly) {
        String text = read(name);
        Manifest manifest;
        try {
            manifest = firstOnly ? GoYaml.readManifest(text, ManifestSchemas.ALL)
                    : GoYaml.readManifests(text, ManifestSchemas.ALL);
        } catch (GoYamlException e) {
            throw new UserError("cannot read " + what + " from '" + name + "': " + e.getMessage());
        }
        String file = name.equals("-") ? "<stdin>" : name;
        for (YamlWarning w : manifest.warnings()) {
            warnings.println("warning: " + file + ":" + w.line() + ": " + w.message());
        }
        for (Object doc : manifest.documents()) {
            unknownFields(file, doc);
        }
        warnings.flush();
        return manifest.documents();
    }

    /**
     * Fields the kind does not have are named and otherwise ignored, as the Flux Operator CLI
     * does (the API refuses them unless asked to warn).
     */
    @SuppressWarnings("unchecked")
    private void unknownFields(String file, Object doc) {
        if (!(doc instanceof Map<?, ?> m)) {
            return;
        }
        List<String> unknown = ManifestSchemas.unknownFields((Map<String, Object>) m);
        if (unknown.isEmpty()) {
            return;
        }
        Object meta = m.get("metadata");
        Object name = meta instanceof Map<?, ?> md ? md.get("name") : null;
        Object ns = meta instanceof Map<?, ?> md ? md.get("namespace") : null;
        String object = m.get("kind") + " " + (ns instanceof String s && !s.isEmpty() ? s + "/" : "") + name;
        unknown.forEach(f -> warnings.println("warning: " + file + ": " + object + ": unknown field \"" + f + "\""));
    }

    static String read(String name) {
        try {
            if (name.equals("-")) {
                return readLimited(System.in, "stdin");
            }
            Path path = Path.of(name);
            if (!Files.isRegularFile(path)) {
                throw new UserError("invalid filename '" + name + "', must point to an existing file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new UserError("file '" + name + "' is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read file '" + name + "': " + e.getMessage());
        }
    }

    private static String readLimited(InputStream in, String what) throws IOException {
        byte[] data = in.readNBytes((int) MAX_BYTES + 1);
        if (data.length > MAX_BYTES) {
            throw new UserError(what + " is larger than " + MAX_BYTES + " bytes");
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> readFirstDocument(String name, String what) {
        List<Object> docs = documents(name, what, false);
        for (Object doc : docs) {
            if (doc instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            if (doc != null) {
                throw new UserError("cannot read " + what + " from '" + name + "': expected an object");
            }
        }
        throw new UserError("cannot read " + what + " from '" + name + "': it holds no object");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> readInputSets(String name) {
        List<Object> docs = documents(name, "inputs", true);
        if (docs.isEmpty()) {
            return List.of();
        }
        Object doc = docs.get(0);
        if (!(doc instanceof List<?> list)) {
            throw new UserError("cannot read inputs from '" + name + "': expected a list of input sets");
        }
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new UserError("cannot read inputs from '" + name + "': item [" + i + "] is not an object");
            }
            sets.add((Map<String, Object>) m);
        }
        return sets;
    }

    @SuppressWarnings("unchecked")
    List<ResourceSetInputProvider> readStaticProviders(String name, String defaultNamespace) {
        List<Object> docs = documents(name, "input providers", false);
        List<ResourceSetInputProvider> providers = new ArrayList<>();
        for (Object doc : docs) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map<?, ?>)) {
                throw new UserError("cannot read input providers from '" + name + "': expected an object");
            }
            Map<String, Object> manifest = (Map<String, Object>) doc;
            ResourceSetInputProvider p;
            try {
                p = ResourceSetInputProvider.from(manifest);
            } catch (InvalidObjectException e) {
                throw new UserError(e.getMessage());
            }
            if (p.spec().type() != ProviderType.STATIC) {
                throw new UserError(p.metadata().name() + " in '" + name + "': unsupported provider type '"
                        + p.spec().type().wire() + "', only 'Static' is supported");
            }
            if (p.namespace().isEmpty()) {
                p = new ResourceSetInputProvider(p.metadata().withNamespace(defaultNamespace), p.spec(),
                        p.exportedInputs(), p.raw());
            }
            providers.add(p);
        }
        return providers;
    }
}
