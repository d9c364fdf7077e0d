package dev.rset.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to a forge: a status and a short JSON body whose {@code message} says why. */
public record HookResponse(int status, String message, Map<String, Object> details) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public HookResponse {
        details = Map.copyOf(details);
    }

    public static HookResponse of(int status, String message) {
        return new HookResponse(status, message, Map.of());
    }

    public String body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(status >= 400 ? "error" : "message", message);
        m.putAll(details);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body is plain data", e);
        }
    }
}
