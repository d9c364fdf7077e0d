package dev.rset.reconciler.queue;

import dev.rset.core.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.reconciler.PairRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pair queue's messages: a {@link PairRequest} as JSON, its FIFO message group and its
 * de-duplication id. The dispatcher writes them and the reconcile handler reads them, so both
 * sides use this one class.
 */
public final class PairMessages {
    /** SQS's limit for message group and de-duplication ids. */
    static final int MAX_ID = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PairMessages() {
    }

    public static String body(PairRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", r.namespace());
        m.put("resourceSet", r.resourceSet());
        m.put("cluster", r.cluster());
        m.put("force", r.force());
        m.put("requestedAt", r.requestedAt().toString());
        m.put("cause", r.cause());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pair request is plain data", e);
        }
    }

    /** Reads a message body; throws {@link IllegalArgumentException} naming the bad field. */
    public static PairRequest parse(String body) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("pair request: not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("pair request: not a JSON object");
        }
        String at = text(n, "requestedAt", true);
        Instant requestedAt;
        try {
            requestedAt = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("pair request: requestedAt is not an RFC 3339 time: " + at);
        }
        return new PairRequest(text(n, "namespace", true), text(n, "resourceSet", true), text(n, "cluster", false),
                n.path("force").asBoolean(false), requestedAt, text(n, "cause", false));
    }

    /**
     * The message group: {@link PairRequest#groupId()}, or a digest of it when it is longer than
     * SQS allows (names of up to 253 characters can make it so); one group per pair either way.
     */
    public static String groupId(PairRequest r) {
        String id = r.groupId();
        return id.length() <= MAX_ID ? id : "sha256:" + Sha256.hex(id);
    }

    /**
     * Unique per request, never per content: a request equal to one sent minutes ago (made while
     * that one's run was going) must not be dropped by SQS's 5-minute de-duplication. {@code cause}
     * names the event that asked (its bus id), so a retried dispatch of the same event is dropped
     * as the duplicate it is, and a new event never is.
     */
    public static String deduplicationId(PairRequest r) {
        return Sha256.hex(r.cause() + "\n" + r.groupId() + "\n" + r.force());
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("pair request: " + field + " is missing");
            }
            return "";
        }
        if (!v.isTextual() || required && v.asText().isEmpty()) {
            throw new IllegalArgumentException("pair request: " + field + " must be a non-empty string");
        }
        return v.asText();
    }

}
