package dev.rset.reconciler.render;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.builder.BuildException;
import dev.rset.core.builder.BuildResult;
import dev.rset.core.builder.ResourceSetBuilder;
import dev.rset.core.yaml.GoJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders each distinct (ResourceSet, inputs) once per container: the runs of one ResourceSet on
 * its clusters share the result (and a failed build's message). Keyed by a hash of everything the
 * build reads (identity, uid, generation, spec, input sets), so an edit or new inputs miss the
 * cache; at most {@code capacity} results are kept, least recently used out first. Built objects
 * are never changed by the runs that share them. A ResourceSet that reads providers and gets no
 * input set from them renders no objects, so that closing the last pull request removes its
 * environment instead of failing on a template with no inputs.
 */
public final class RenderCache {
    private final Map<String, Rendered> entries;
    private int builds;

    public RenderCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
                return size() > capacity;
            }
        };
    }

    public Rendered render(ResourceSet rset, long generation, List<Map<String, Object>> inputs) {
        String key = key(rset, generation, inputs);
        synchronized (this) {
            Rendered cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Rendered rendered;
        try {
            // Providers with nothing to export (the last pull request closed) leave nothing to apply.
            BuildResult result = !rset.spec().inputsFrom().isEmpty() && inputs.isEmpty()
                    ? new BuildResult(List.of()) : ResourceSetBuilder.build(rset, inputs);
            rendered = new Rendered.Built(result, result.digest());
        } catch (BuildException e) {
            rendered = new Rendered.Failed(e.getMessage());
        }
        synchronized (this) {
            builds++;
            entries.put(key, rendered);
        }
        return rendered;
    }

    /** How many builds ran (cache misses), for tests and metrics. */
    public synchronized int builds() {
        return builds;
    }

    static String key(ResourceSet rset, long generation, List<Map<String, Object>> inputs) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        for (String part : List.of(rset.namespace(), rset.name(), rset.metadata().uid(), Long.toString(generation),
                GoJson.marshal(rset.raw().getOrDefault("spec", Map.of()), false), GoJson.marshal(inputs, false))) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
