package dev.rset.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Request bodies in (YAML, multi-document, or JSON) and response bodies out (JSON or YAML). */
public final class Codec {
    public static final String JSON = "application/json";
    public static final String YAML = "application/yaml";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Codec() {
    }

    /**
     * The documents of a body: a JSON object (a {@code List} is expanded to its items), or YAML
     * documents separated by {@code ---}; empty documents are skipped. Errors carry the line.
     */
    public static List<Object> readDocuments(String body, String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        List<Object> docs = new ArrayList<>();
        String trimmed = body.stripLeading();
        if (ct.contains("json") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                Object doc = STRICT.readValue(body, Object.class);
                if (doc instanceof List<?> l) {
                    docs.addAll(l);
                } else if (doc != null) {
                    docs.add(doc);
                }
            } catch (JsonProcessingException e) {
                throw ApiException.badRequest("the request body is not valid JSON: line "
                        + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
            }
            return expandLists(docs);
        }
        try {
            for (Object doc : yaml().loadAll(body)) {
                if (doc != null) {
                    docs.add(doc);
                }
            }
        } catch (MarkedYAMLException e) {
            throw ApiException.badRequest("the request body is not valid YAML: line "
                    + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw ApiException.badRequest("the request body cannot be read: " + e.getMessage());
        }
        return expandLists(docs);
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

    /**
     * YAML 1.1 like Kubernetes reads it, except that timestamps stay strings (a date in a
     * manifest is data, not a java.util.Date), with limits against alias bombs.
     */
    private static Yaml yaml() {
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(50);
        lo.setAllowDuplicateKeys(false);
        lo.setCodePointLimit(16 * 1024 * 1024);
        DumperOptions d = new DumperOptions();
        return new Yaml(new SafeConstructor(lo), new Representer(d), d, lo, new NoTimestamps());
    }

    private static final class NoTimestamps extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
