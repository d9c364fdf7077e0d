package dev.rset.ops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The structured fields of one log event, passed as the last parameter of a {@code System.Logger}
 * call: {@code LOG.log(Level.INFO, "{0}: reconciled", key, Fields.event("reconcile").object(...))}. A
 * message format ignores a parameter it does not name, so the human-readable line is unchanged; the
 * JSON line ({@link JsonLogFormatter}) carries every field at its top level.
 */
public final class Fields {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Fields() {
    }

    /** Fields of an event of the given kind ({@code event}: {@code delivery}, {@code reconcile}, ...). */
    public static Fields event(String event) {
        return new Fields().with("event", event);
    }

    public static Fields none() {
        return new Fields();
    }

    /** Adds a field; a null value is left out. */
    public Fields with(String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    public Fields withAll(Map<String, ?> more) {
        more.forEach(this::with);
        return this;
    }

    /** {@code object}: {@code namespace/Kind/name}, or {@code Kind/name} for a cluster-scoped kind. */
    public Fields object(String kind, String namespace, String name) {
        return with("object", objectId(kind, namespace, name));
    }

    public Fields cluster(String cluster) {
        return cluster == null || cluster.isEmpty() ? this : with("cluster", cluster);
    }

    public Fields durationMs(long millis) {
        return with("durationMs", millis);
    }

    public Fields outcome(String outcome) {
        return with("outcome", outcome);
    }

    public static String objectId(String kind, String namespace, String name) {
        return (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + kind + "/" + name;
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** The fields among a log record's parameters, if any. */
    static Fields in(Object[] parameters) {
        if (parameters != null) {
            for (int i = parameters.length - 1; i >= 0; i--) {
                if (parameters[i] instanceof Fields f) {
                    return f;
                }
            }
        }
        return none();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
