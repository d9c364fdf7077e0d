package dev.rset.core.api;

import java.util.Map;

/** The parts of Kubernetes object metadata the control plane reads. */
public record ObjectMeta(String name, String namespace, String uid, Map<String, String> labels,
        Map<String, String> annotations) {
    public ObjectMeta {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    static ObjectMeta read(Fields object) {
        Fields meta = object.objectOrEmpty("metadata");
        return new ObjectMeta(meta.string("name"), meta.string("namespace"), meta.string("uid"),
                meta.stringMap("labels"), meta.stringMap("annotations"));
    }

    public ObjectMeta withNamespace(String ns) {
        return new ObjectMeta(name, ns, uid, labels, annotations);
    }

    public String annotation(String key) {
        return annotations.get(key);
    }
}
