package dev.rset.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * API Gateway HTTP API (payload 2.0) events read from the JSON fixtures under
 * {@code src/test/resources/events}, with the path, query and body of each test set in the JSON
 * before it is bound to {@link APIGatewayV2HTTPEvent}, as the Lambda runtime would bind it.
 */
final class Events {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Events() {
    }

    static APIGatewayV2HTTPEvent fixture(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            return MAPPER.readValue(in, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static APIGatewayV2HTTPEvent bind(ObjectNode tree) {
        return MAPPER.convertValue(tree, APIGatewayV2HTTPEvent.class);
    }

    /** A fixture with another method, path (and query), and optionally a body. */
    static APIGatewayV2HTTPEvent request(String fixture, String method, String path, Map<String, String> query,
            String body) {
        ObjectNode e = tree(fixture);
        e.put("rawPath", path);
        ((ObjectNode) e.get("requestContext").get("http")).put("method", method).put("path", path);
        e.remove("queryStringParameters");
        if (!query.isEmpty()) {
            e.set("queryStringParameters", MAPPER.valueToTree(query));
            e.put("rawQueryString", String.join("&", query.entrySet().stream()
                    .map(q -> q.getKey() + "=" + q.getValue()).toList()));
        }
        if (body != null) {
            if (e.get("isBase64Encoded").asBoolean()) {
                e.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
            } else {
                e.put("body", body);
            }
        }
        return bind(e);
    }

    static APIGatewayV2HTTPEvent accept(APIGatewayV2HTTPEvent e, String accept) {
        e.getHeaders().put("accept", accept);
        return e;
    }
}
