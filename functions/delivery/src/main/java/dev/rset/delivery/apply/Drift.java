package dev.rset.delivery.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a server-side dry run would change the live object. The dry run's answer is the object
 * as it would be stored; it differs from the live one in the fields the server rewrites on every
 * write (its bookkeeping), which say nothing about the object's content, so they are left out.
 */
public final class Drift {
    private static final Set<String> VOLATILE_METADATA =
            Set.of("managedFields", "resourceVersion", "generation", "creationTimestamp");

    private Drift() {
    }

    public static boolean drifted(Map<String, Object> live, Map<String, Object> dryRun) {
        return !comparable(live).equals(comparable(dryRun));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) metadata);
            meta.keySet().removeAll(VOLATILE_METADATA);
            copy.put("metadata", meta);
        }
        return copy;
    }
}
