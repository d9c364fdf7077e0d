package dev.rset.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Status to and from the JSON document stored in the STATUS item (field names as in Flux). */
public final class StatusCodec {
    private StatusCodec() {
    }

    /** The status as Kubernetes would show it under {@code .status}. */
    public static Map<String, Object> toMap(ObjectStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("observedGeneration", status.observedGeneration());
        List<Object> conditions = new ArrayList<>();
        for (Condition c : status.conditions()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("type", c.type());
            cm.put("status", c.status());
            cm.put("reason", c.reason());
            cm.put("message", c.message());
            cm.put("lastTransitionTime", c.lastTransitionTime().toString());
            cm.put("observedGeneration", c.observedGeneration());
            conditions.add(cm);
        }
        m.put("conditions", conditions);
        List<Object> history = new ArrayList<>();
        for (HistoryEntry h : status.history()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("digest", h.digest());
            hm.put("firstReconciled", h.firstReconciled().toString());
            hm.put("lastReconciled", h.lastReconciled().toString());
            hm.put("lastReconciledDuration", h.lastReconciledDuration().toString());
            hm.put("lastReconciledStatus", h.lastReconciledStatus());
            hm.put("totalReconciliations", h.totalReconciliations());
            hm.put("metadata", h.metadata());
            history.add(hm);
        }
        m.put("history", history);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static ObjectStatus fromMap(Map<String, Object> m, long version) {
        List<Condition> conditions = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("conditions", List.of())) {
            Map<String, Object> c = (Map<String, Object>) o;
            conditions.add(new Condition((String) c.get("type"), (String) c.get("status"), (String) c.get("reason"),
                    (String) c.get("message"), Instant.parse((String) c.get("lastTransitionTime")),
                    ((Number) c.get("observedGeneration")).longValue()));
        }
        List<HistoryEntry> history = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("history", List.of())) {
            Map<String, Object> h = (Map<String, Object>) o;
            history.add(new HistoryEntry((String) h.get("digest"), Instant.parse((String) h.get("firstReconciled")),
                    Instant.parse((String) h.get("lastReconciled")),
                    Duration.parse((String) h.get("lastReconciledDuration")),
                    (String) h.get("lastReconciledStatus"), ((Number) h.get("totalReconciliations")).longValue(),
                    (Map<String, String>) h.getOrDefault("metadata", Map.of())));
        }
        return new ObjectStatus(((Number) m.getOrDefault("observedGeneration", 0)).longValue(), conditions, history,
                version);
    }

    /** One cluster's status as shown under {@code .status.clusters[]}: its fields, then conditions and history. */
    public static Map<String, Object> toMap(ClusterStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", status.cluster());
        m.put("uid", status.uid());
        m.put("lastAppliedRevision", status.lastAppliedRevision());
        m.put("inventoryCount", status.inventoryCount());
        m.put("lastError", status.lastError());
        m.put("changes", status.changes());
        m.putAll(toMap(status.status()));
        return m;
    }

    @SuppressWarnings("unchecked")
    public static ClusterStatus clusterFromMap(Map<String, Object> m, long version) {
        return new ClusterStatus((String) m.get("cluster"), (String) m.getOrDefault("uid", ""), fromMap(m, version),
                (String) m.getOrDefault("lastAppliedRevision", ""),
                ((Number) m.getOrDefault("inventoryCount", 0)).longValue(), (String) m.getOrDefault("lastError", ""),
                (List<String>) m.getOrDefault("changes", List.of()));
    }
}
