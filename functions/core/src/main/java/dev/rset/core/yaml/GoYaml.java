package dev.rset.core.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * YAML as sigs.k8s.io/yaml reads and writes it (go-yaml v2 underneath): the serialisation used
 * by {@code toYaml} and by the per-resource template rendering, and the YAML 1.1 reading of
 * rendered text.
 */
public final class GoYaml {
    private static final String YAML_TO_JSON = "error converting YAML to JSON: ";

    private GoYaml() {
    }

    /**
     * {@code sigs.k8s.io/yaml.Marshal(v)}: JSON-marshal, then emit as YAML with sorted keys,
     * ending with a newline. Throws {@link GoYamlException} where json.Marshal fails.
     */
    public static String marshal(Object v) {
        Object yamlValue;
        try {
            yamlValue = YamlValues.fromTemplateValue(v);
        } catch (GoJsonException e) {
            throw new GoYamlException("error marshaling into JSON: " + e.getMessage());
        }
        return YamlEmitter.emit(yamlValue);
    }

    /**
     * {@code sigs.k8s.io/yaml.Unmarshal} of the first document into {@code interface{}}, with
     * Kubernetes' number typing: maps (LinkedHashMap, keys in JSON order), lists, strings,
     * booleans, null, Long for integral numbers and Double for the others.
     */
    public static Object unmarshal(String yaml) throws GoYamlException {
        return readDocument(yaml, 1, ManifestSchema.NONE, null);
    }

    /**
     * The first document of a manifest as a user wrote it (a ResourceSet, an inputs file), read
     * as {@link #unmarshal(String)} reads it and as the Flux Operator reads it: scalars written
     * where {@code schema} has a string become strings, and each plain key that YAML 1.1 reads
     * as a boolean ({@code n}, {@code on}, {@code yes}) becomes "false"/"true" with a warning.
     */
    public static Manifest readManifest(String yaml, ManifestSchema schema) {
        Set<YamlWarning> warnings = new LinkedHashSet<>();
        Object doc = readDocument(yaml, 1, schema, warnings);
        return new Manifest(doc == null ? List.of() : Collections.singletonList(doc),
                List.copyOf(warnings));
    }

    /** Every document of a manifest stream, by the rules of {@link #readManifest}; empty documents are skipped. */
    public static Manifest readManifests(String yaml, ManifestSchema schema) {
        Set<YamlWarning> warnings = new LinkedHashSet<>();
        List<Object> out = new ArrayList<>();
        if (isJsonStream(yaml)) {
            for (Object v : jsonStream(yaml)) {
                out.add(applySchema(v, schema));
            }
        } else {
            for (YamlDocuments.Chunk chunk : YamlDocuments.split(yaml)) {
                Object v = readDocument(chunk.text(), chunk.firstLine(), schema, warnings);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return new Manifest(out, List.copyOf(warnings));
    }

    private static Object readDocument(String yaml, int firstLine, ManifestSchema schema,
            Set<YamlWarning> warnings) {
        Object jsonable;
        try {
            jsonable = YamlJson.jsonable(YamlDecoder.decode(YamlComposer.firstDocument(yaml), warnings, firstLine));
        } catch (GoYamlException e) {
            throw new GoYamlException(YAML_TO_JSON + e.getMessage());
        }
        return YamlJson.templateValue(applySchema(jsonable, schema));
    }

    /** Applies the schema to an object, or to each item of a Kubernetes {@code List}. */
    @SuppressWarnings("unchecked")
    private static Object applySchema(Object doc, ManifestSchema schema) {
        if (schema == ManifestSchema.NONE || !(doc instanceof Map<?, ?> m)) {
            return doc;
        }
        Map<String, Object> object = (Map<String, Object>) m;
        if ("List".equals(object.get("kind")) && object.get("items") instanceof List<?> items) {
            for (Object item : items) {
                applySchema(item, schema);
            }
            return doc;
        }
        return schema.targets(object).convert(object);
    }

    /**
     * A multi-document stream as Kubernetes' YAML-or-JSON decoder reads it (fluxcd/pkg/ssa's
     * ReadObjects): a stream starting with '{' is a sequence of JSON values, otherwise it is cut
     * at {@code ---} lines and each document unmarshalled; empty and null documents are skipped.
     */
    public static List<Object> unmarshalAll(String yaml) throws GoYamlException {
        if (isJsonStream(yaml)) {
            return jsonStream(yaml);
        }
        List<Object> out = new ArrayList<>();
        for (YamlDocuments.Chunk chunk : YamlDocuments.split(yaml)) {
            Object v = unmarshal(chunk.text());
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static boolean isJsonStream(String yaml) {
        return yaml.stripLeading().startsWith("{");
    }

    private static List<Object> jsonStream(String json) {
        List<Object> out = new ArrayList<>();
        try {
            for (Object v : JsonDecoder.decodeStream(json, JsonDecoder.Numbers.KUBERNETES)) {
                if (v != null) {
                    out.add(v);
                }
            }
        } catch (GoJsonException e) {
            throw new GoYamlException(e.getMessage());
        }
        return out;
    }
}
