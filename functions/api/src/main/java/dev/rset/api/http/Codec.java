package dev.rset.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.yaml.GoYaml;
import dev.rset.core.yaml.GoYamlException;
import dev.rset.core.yaml.Manifest;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Request bodies in (YAML, multi-document, or JSON) and response bodies out (JSON or YAML). */
public final class Codec {
    public static final String JSON = "application/json";
    public static final String YAML = "application/yaml";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Codec() {
    }

    /**
     * The documents of a body, read as the CLI reads manifests ({@link GoYaml#readManifests} with
     * {@link ManifestSchemas#ALL}): YAML 1.1 typed the way sigs.k8s.io/yaml types it, string
     * fields converted as the Go types convert them, numbers the way Kubernetes decodes them, so
     * a ResourceSet applied here renders exactly as {@code rset build} renders it. A JSON body is
     * YAML too; a {@code List} is expanded to its items; empty documents are skipped. The
     * warnings say how a key was read ({@code line 7: key `on` is read as "true" ...}).
     */
    public static Manifest readDocuments(String body, String contentType) {
        try {
            Manifest read = GoYaml.readManifests(body, ManifestSchemas.ALL);
            return new Manifest(expandLists(read.documents()), read.warnings());
        } catch (GoYamlException e) {
            String why = e.getMessage().replaceFirst("^error converting YAML to JSON: ", "").replaceFirst("^yaml: ", "");
            String format = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json") ? "JSON" : "YAML";
            throw ApiException.badRequest("the request body is not valid " + format + ": " + why);
        }
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

    public static HttpResponse respond(int status, Object value, boolean yaml) {
        return yaml ? new HttpResponse(status, YAML, toYaml(value)) : new HttpResponse(status, JSON, toJson(value));
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be written as JSON", e);
        }
    }

    public static String toYaml(Object value) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setWidth(4096);
        return new Yaml(new Representer(o), o).dump(value);
    }
}
