package dev.rset.forge.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A webhook request as a forge would send it: headers (signature included) and body. */
public record SignedRequest(Map<String, String> headers, byte[] body) {
    public SignedRequest {
        headers = Map.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public SignedRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new SignedRequest(h, body);
    }

    public SignedRequest withoutHeader(String name) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        return new SignedRequest(h, body);
    }

    /** The same headers over another body (the signature then no longer matches). */
    public SignedRequest withBody(byte[] other) {
        return new SignedRequest(headers, other);
    }
}
