package dev.rset.cli.render;

import dev.rset.cli.UserError;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ProviderType;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.yaml.GoYaml;
import dev.rset.core.yaml.GoYamlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the manifests and input files named on the command line. */
final class ManifestFiles {
    /** Larger manifests are refused rather than read into memory. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private ManifestFiles() {
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
            throw new UserError("error reading file '" + name + "': " + e.getMessage());
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
    static Map<String, Object> readFirstDocument(String name, String what) {
        List<Object> docs;
        try {
            docs = GoYaml.unmarshalAllManifests(read(name));
        } catch (GoYamlException e) {
            throw new UserError("error parsing " + what + ": " + e.getMessage());
        }
        for (Object doc : docs) {
            if (doc instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            if (doc != null) {
                throw new UserError("error parsing " + what + ": expected an object in '" + name + "'");
            }
        }
        throw new UserError("error parsing " + what + ": '" + name + "' holds no object");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readInputSets(String name) {
        Object doc;
        try {
            doc = GoYaml.unmarshalManifest(read(name));
        } catch (GoYamlException e) {
            throw new UserError("error parsing inputs file: " + e.getMessage());
        }
        if (doc == null) {
            return List.of();
        }
        if (!(doc instanceof List<?> list)) {
            throw new UserError("error parsing inputs file: expected a list of input sets in '" + name + "'");
        }
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new UserError("error parsing inputs file: item [" + i + "] is not an object");
            }
            sets.add((Map<String, Object>) m);
        }
        return sets;
    }

    @SuppressWarnings("unchecked")
    static List<ResourceSetInputProvider> readStaticProviders(String name, String defaultNamespace) {
        List<Object> docs;
        try {
            docs = GoYaml.unmarshalAllManifests(read(name));
        } catch (GoYamlException e) {
            throw new UserError("error loading providers from file: " + e.getMessage());
        }
        List<ResourceSetInputProvider> providers = new ArrayList<>();
        for (Object doc : docs) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map<?, ?>)) {
                throw new UserError("error loading providers from file: expected an object in '" + name + "'");
            }
            Map<String, Object> manifest = (Map<String, Object>) doc;
            ResourceSetInputProvider p;
            try {
                p = ResourceSetInputProvider.from(manifest);
            } catch (InvalidObjectException e) {
                throw new UserError("error loading providers from file: " + e.getMessage());
            }
            if (p.spec().type() != ProviderType.STATIC) {
                throw new UserError("error loading providers from file: unsupported provider type '"
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
