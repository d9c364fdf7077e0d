package dev.rset.api.resources;

import dev.rset.store.Kind;
import dev.rset.store.ObjectStatus;
import dev.rset.store.StoredObject;
import dev.rset.store.StatusCodec;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stored objects as the API shows them: the applied manifest plus server metadata and status. */
final class Views {
    private Views() {
    }

    static Map<String, Object> object(StoredObject o, ObjectStatus status) {
        Map<String, Object> view = Admission.deepCopy(o.manifest());
        Map<String, Object> meta = ControlPlane.meta(view);
        meta.put("resourceVersion", Long.toString(o.resourceVersion()));
        meta.put("generation", o.generation());
        meta.put("creationTimestamp", o.createdAt().toString());
        if (o.key().kind() == Kind.RESOURCE_SET || o.key().kind() == Kind.RESOURCE_SET_INPUT_PROVIDER
                || o.key().kind() == Kind.CLUSTER) {
            view.put("status", StatusCodec.toMap(status));
        }
        return view;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> status(Map<String, Object> view) {
        return (Map<String, Object>) view.computeIfAbsent("status", k -> new LinkedHashMap<>());
    }
}
