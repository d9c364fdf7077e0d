package dev.rset.forge.providers.external;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ExternalService provider's endpoint: {@code GET url} answering {@code {"inputs": [{"id": "…", …}]}},
 * at most 900 KiB (the Flux Operator's limit, below etcd's object size), each {@code id} a string
 * used once. Plain HTTP only with {@code spec.insecure}.
 */
public final class ExternalService {
    public static final int MAX_BODY = 900 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private ExternalService() {
    }

    /**
     * @param authorization the {@code Authorization} header ({@code Bearer …} or {@code Basic …}), or empty
     */
    public static List<Map<String, Object>> inputs(ForgeHttp http, String url, boolean insecure,
            String authorization) throws HttpFailure {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw HttpFailure.failed("spec.url \"" + url + "\" is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw HttpFailure.failed("spec.url must start with 'http://' or 'https://' when spec.type is 'ExternalService'");
        }
        if (scheme.equals("http") && !insecure) {
            throw HttpFailure.failed("spec.url uses plain HTTP: set spec.insecure to true to allow it");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (!authorization.isEmpty()) {
            headers.put("Authorization", authorization);
        }
        JsonNode body = http.json(http.send("GET", uri, headers, HttpRequest.BodyPublishers.noBody(), MAX_BODY));
        JsonNode inputs = body.path("inputs");
        if (!inputs.isArray()) {
            throw HttpFailure.failed("external service '" + url + "' response does not contain an 'inputs' array");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode in = inputs.get(i);
            String where = "external service '" + url + "' input at index " + i;
            if (!in.isObject()) {
                throw HttpFailure.failed(where + " is not an object");
            }
            if (!in.has("id")) {
                throw HttpFailure.failed(where + " is missing the required 'id' field");
            }
            if (!in.get("id").isTextual()) {
                throw HttpFailure.failed(where + " has a non-string 'id' field");
            }
            if (!ids.add(in.get("id").asText())) {
                throw HttpFailure.failed(where + " has a duplicate 'id' value '" + in.get("id").asText() + "'");
            }
            out.add(JSON.convertValue(in, new TypeReference<LinkedHashMap<String, Object>>() { }));
        }
        return out;
    }
}
