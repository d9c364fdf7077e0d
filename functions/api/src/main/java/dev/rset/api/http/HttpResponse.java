package dev.rset.api.http;

import java.util.Map;

/** A response: status code, content type and body text. */
public record HttpResponse(int status, String contentType, String body) {
    public Map<String, String> headers() {
        return Map.of("Content-Type", contentType);
    }
}
