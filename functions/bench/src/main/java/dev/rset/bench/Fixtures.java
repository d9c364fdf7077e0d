package dev.rset.bench;

import dev.rset.core.yaml.GoYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Benchmark manifests shipped as resources of this module. */
final class Fixtures {
    private Fixtures() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> manifest(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark fixture " + name);
            }
            return (Map<String, Object>) GoYaml.readManifest(new String(in.readAllBytes(), StandardCharsets.UTF_8), dev.rset.core.api.ManifestSchemas.ALL).documents().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
