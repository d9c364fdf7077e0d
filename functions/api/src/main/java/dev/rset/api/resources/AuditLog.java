package dev.rset.api.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.ops.Fields;
import dev.rset.store.ObjectKey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON line per write through the API, naming who made it (the caller's IAM ARN, as API
 * Gateway's IAM authorizer verified it), what and how: {@code {"audit":"rset-api","verb":"apply",
 * "caller":"arn:aws:sts::…:assumed-role/team-a/alice","kind":"ResourceSet","namespace":"team-a",
 * "name":"app","action":"configured","resourceVersion":"4"}}. {@link #logged} writes these fields as
 * an {@code event: audit} log line (a JSON line with the request id in Lambda), where a metric
 * filter or Logs Insights can find every change an identity made. Never holds a manifest (it may
 * carry a kubeconfig).
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());
    /** Recorded when the API runs without IAM auth in front of it ({@code rset dev}, tests). */
    static final String UNAUTHENTICATED = "unauthenticated";

    /** Where a line goes, as its fields. */
    private interface Sink {
        void write(Map<String, Object> line);
    }

    private final Sink sink;

    /** Each line as a JSON string to {@code sink} (tests). */
    public AuditLog(Consumer<String> sink) {
        this.sink = (Sink) line -> {
            try {
                sink.accept(JSON.writeValueAsString(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("audit line cannot be written as JSON", e);
            }
        };
    }

    private AuditLog(Sink sink) {
        this.sink = sink;
    }

    /** The audit lines as log events ({@code event: audit}) of the function's log. */
    public static AuditLog logged() {
        return new AuditLog((Sink) line -> {
            String object = Fields.objectId((String) line.get("kind"), (String) line.get("namespace"),
                    (String) line.get("name"));
            LOG.log(System.Logger.Level.INFO, "{0} {1} by {2}: {3}", line.get("verb"), object, line.get("caller"),
                    line.get("action"), Fields.event("audit").with("object", object).withAll(line));
        });
    }

    /** The caller to record: the IAM ARN, or {@link #UNAUTHENTICATED}. */
    static String who(String caller) {
        return caller == null || caller.isEmpty() ? UNAUTHENTICATED : caller;
    }

    void write(String verb, String caller, ObjectKey key, String action, String resourceVersion) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("audit", "rset-api");
        line.put("verb", verb);
        line.put("caller", who(caller));
        line.put("kind", key.kind().kind());
        line.put("namespace", key.namespace());
        line.put("name", key.name());
        line.put("action", action);
        if (resourceVersion != null) {
            line.put("resourceVersion", resourceVersion);
        }
        sink.write(line);
    }
}
