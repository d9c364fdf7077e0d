package dev.rset.forge.event;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.forge.hook.Rejection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads from a JSON payload that fail with a 400 {@link Rejection} naming the event and the
 * field path, e.g. {@code pull_request event: pull_request.head.sha: required string is missing}.
 * Messages quote field names, never values.
 */
public final class Payload {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String event;
    private final String path;
    private final JsonNode node;

    private Payload(String event, String path, JsonNode node) {
        this.event = event;
        this.path = path;
        this.node = node;
    }

    /** Parses {@code body}; a truncated or malformed document is a 400 that says where it broke. */
    public static Payload parse(String event, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw Rejection.badRequest(event + " event: payload is not valid JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw Rejection.badRequest(event + " event: payload could not be read");
        }
        if (root == null || !root.isObject()) {
            throw Rejection.badRequest(event + " event: payload must be a JSON object");
        }
        return new Payload(event, "", root);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        // Jackson quotes the offending token; keep it short so a payload never ends up in a response.
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public Rejection error(String field, String message) {
        return Rejection.badRequest(event + " event: " + at(field) + ": " + message);
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** A nested object; absent or null is an error. */
    public Payload object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(field, "required object is missing");
        }
        if (!v.isObject()) {
            throw error(field, "expected an object");
        }
        return new Payload(event, at(field), v);
    }

    /** A nested object, or null when absent or null. */
    public Payload optionalObject(String field) {
        return has(field) ? object(field) : null;
    }

    public String string(String field) {
        String s = optionalString(field);
        if (s.isEmpty()) {
            throw error(field, "required string is missing");
        }
        return s;
    }

    /** A string, or empty when absent or null. */
    public String optionalString(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw error(field, "expected a string");
        }
        return v.asText();
    }

    public long number(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(field, "required number is missing");
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw error(field, "expected an integer");
        }
        return v.asLong();
    }

    public boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw error(field, "expected a boolean");
        }
        return v.asBoolean();
    }

    /** The raw node of a field (null when absent), for fields whose type varies between events. */
    public JsonNode raw(String field) {
        return node.get(field);
    }

    /** Each object of a list field (absent or null is an empty list). */
    public List<Payload> objects(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(field, "expected a list");
        }
        List<Payload> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPath = at(field) + "[" + i + "]";
            if (!item.isObject()) {
                throw Rejection.badRequest(event + " event: " + itemPath + ": expected an object");
            }
            out.add(new Payload(event, itemPath, item));
        }
        return out;
    }
}
