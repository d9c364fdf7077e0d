package dev.rset.delivery.apply;

import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import dev.rset.delivery.kube.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rendered objects made ready to apply: checked, labelled as ours, copied (the caller's maps stay as they are). */
final class Rendered {
    private Rendered() {
    }

    /** The object, once it has what every object needs; {@code index} names it when it has no name. */
    static Map<String, Object> checked(String cluster, Map<String, Object> object, int index) {
        for (String field : List.of("apiVersion", "kind")) {
            if (!(object.get(field) instanceof String s) || s.isBlank()) {
                throw invalid(cluster, index, field + " is missing");
            }
        }
        if (Fields.string(object, "metadata", "name").filter(n -> !n.isBlank()).isEmpty()) {
            throw invalid(cluster, index, "metadata.name is missing (" + object.get("kind") + ")");
        }
        return object;
    }

    /** A copy carrying the owner labels, by which garbage collection recognises what it may delete. */
    static Map<String, Object> withLabels(Map<String, Object> object, Map<String, String> ownerLabels) {
        Map<String, Object> meta = new LinkedHashMap<>(Fields.map(object, "metadata"));
        Map<String, Object> labels = new LinkedHashMap<>(Fields.map(object, "metadata", "labels"));
        labels.putAll(ownerLabels);
        meta.put("labels", labels);
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.put("metadata", meta);
        return copy;
    }

    static Map<String, Object> withoutNamespace(Map<String, Object> object) {
        Map<String, Object> meta = new LinkedHashMap<>(Fields.map(object, "metadata"));
        meta.remove("namespace");
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.put("metadata", meta);
        return copy;
    }

    private static DeliveryException invalid(String cluster, int index, String why) {
        return new DeliveryException(Reason.REJECTED, null, "cluster " + cluster + ": object " + index + ": " + why, null);
    }
}
