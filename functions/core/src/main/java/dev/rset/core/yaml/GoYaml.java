package dev.rset.core.yaml;

import java.util.ArrayList;
import java.util.List;

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
        return unmarshal(yaml, false);
    }

    /**
     * A manifest as a user wrote it (a ResourceSet, its inputs, a provider): as
     * {@link #unmarshal(String)}, except that a plain map key that YAML 1.1 reads as a boolean
     * ({@code n}, {@code on}, {@code yes}) keeps its text instead of becoming "true"/"false", so
     * an input named {@code n} is {@code inputs.n}, as the conformance corpus expects. Rendered
     * objects are read with {@link #unmarshal(String)}, exactly as the Flux Operator reads them.
     */
    public static Object unmarshalManifest(String yaml) throws GoYamlException {
        return unmarshal(yaml, true);
    }

    /** {@link #unmarshalAll(String)} with the key rule of {@link #unmarshalManifest(String)}. */
    public static List<Object> unmarshalAllManifests(String yaml) throws GoYamlException {
        return unmarshalAll(yaml, true);
    }

    private static Object unmarshal(String yaml, boolean keysAsWritten) {
        Object jsonable;
        try {
            jsonable = YamlJson.jsonable(YamlDecoder.decode(YamlComposer.firstDocument(yaml), keysAsWritten));
        } catch (GoYamlException e) {
            throw new GoYamlException(YAML_TO_JSON + e.getMessage());
        }
        return YamlJson.templateValue(jsonable);
    }

    /**
     * A multi-document stream as Kubernetes' YAML-or-JSON decoder reads it (fluxcd/pkg/ssa's
     * ReadObjects): a stream starting with '{' is a sequence of JSON values, otherwise it is cut
     * at {@code ---} lines and each document unmarshalled; empty and null documents are skipped.
     */
    public static List<Object> unmarshalAll(String yaml) throws GoYamlException {
        return unmarshalAll(yaml, false);
    }

    private static List<Object> unmarshalAll(String yaml, boolean keysAsWritten) {
        List<Object> out = new ArrayList<>();
        if (yaml.stripLeading().startsWith("{")) {
            try {
                for (Object v : JsonDecoder.decodeStream(yaml, JsonDecoder.Numbers.KUBERNETES)) {
                    if (v != null) {
                        out.add(v);
                    }
                }
            } catch (GoJsonException e) {
                throw new GoYamlException(e.getMessage());
            }
            return out;
        }
        for (String doc : YamlDocuments.split(yaml)) {
            Object v = unmarshal(doc, keysAsWritten);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
