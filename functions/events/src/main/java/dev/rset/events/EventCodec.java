package dev.rset.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of the events: the {@code detail} the publisher writes and the EventBridge envelope
 * ({@code id}, {@code source}, {@code detail-type}, {@code detail}) a rule's target receives. Both
 * directions live here so that they cannot drift apart.
 */
public final class EventCodec {
    private EventCodec() {
    }

    /** An event as a target receives it: the bus's event id, its source and the typed event. */
    public record Received(String id, String source, ControlPlaneEvent event) {
    }

    static Map<String, Object> detail(ControlPlaneEvent event) {
        Map<String, Object> detail = new LinkedHashMap<>();
        // Java 17: no pattern switch yet; the interface is sealed to these two.
        if (event instanceof InputsChanged e) {
            detail.put("resourceSet", Map.of("namespace", e.namespace(), "name", e.resourceSet()));
            detail.put("providers", e.providers().stream()
                    .map(p -> Map.of("namespace", e.namespace(), "name", p)).toList());
            detail.put("receiver", e.receiver());
            detail.put("deliveryId", e.deliveryId());
        } else if (event instanceof ReconcileRequested e) {
            detail.put("kind", e.kind());
            detail.put("namespace", e.namespace());
            detail.put("name", e.name());
            detail.put("force", e.force());
            detail.put("requestedBy", e.requestedBy());
        }
        return detail;
    }

    /** Reads an EventBridge envelope; throws {@link MalformedEventException} naming the missing field. */
    public static Received parse(JsonNode envelope) {
        String type = text(envelope, "detail-type", "event");
        JsonNode detail = envelope.path("detail");
        if (!detail.isObject()) {
            throw new MalformedEventException("event " + envelope.path("id").asText("?") + ": detail is not an object");
        }
        ControlPlaneEvent event = switch (type) {
            case InputsChanged.DETAIL_TYPE -> {
                JsonNode rs = detail.path("resourceSet");
                List<String> providers = new ArrayList<>();
                detail.path("providers").forEach(p -> providers.add(p.path("name").asText()));
                yield new InputsChanged(text(rs, "namespace", "detail.resourceSet"), text(rs, "name", "detail.resourceSet"),
                        providers, detail.path("receiver").asText(""), detail.path("deliveryId").asText(""));
            }
            case ReconcileRequested.DETAIL_TYPE -> new ReconcileRequested(text(detail, "kind", "detail"),
                    text(detail, "namespace", "detail"), text(detail, "name", "detail"),
                    detail.path("force").asBoolean(false), detail.path("requestedBy").asText(""));
            default -> throw new MalformedEventException("event " + envelope.path("id").asText("?")
                    + ": unknown detail-type " + type);
        };
        return new Received(text(envelope, "id", "event"), text(envelope, "source", "event"), event);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new MalformedEventException(where + "." + field + " is missing or not a string");
        }
        return v.asText();
    }
}
