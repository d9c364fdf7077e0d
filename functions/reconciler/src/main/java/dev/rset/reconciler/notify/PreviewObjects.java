package dev.rset.reconciler.notify;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.builder.BuildException;
import dev.rset.core.builder.KubeObjects;
import dev.rset.core.builder.ResourceSetBuilder;
import dev.rset.forge.notify.Notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects one change request's input renders (the ResourceSet built with that input set
 * alone) and the URLs they announce: the annotation {@value #URL_ANNOTATION} on any object, and
 * {@code https://<host>} for each host of an Ingress.
 */
final class PreviewObjects {
    static final String URL_ANNOTATION = "rset.dev/preview-url";

    private PreviewObjects() {
    }

    record Found(List<Notice.ObjectRef> objects, List<Notice.Link> urls) {
    }

    static Found of(ResourceSet rset, Map<String, Object> input) {
        List<Map<String, Object>> objects;
        try {
            objects = ResourceSetBuilder.build(rset, List.of(input)).objects();
        } catch (BuildException e) {
            return new Found(List.of(), List.of());
        }
        List<Notice.ObjectRef> refs = new ArrayList<>();
        List<Notice.Link> urls = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            String kind = KubeObjects.string(o, "kind");
            String ns = KubeObjects.metaString(o, "namespace");
            String name = KubeObjects.metaString(o, "name");
            refs.add(new Notice.ObjectRef(kind, ns, name));
            String label = kind + " " + (ns.isEmpty() ? "" : ns + "/") + name;
            String url = KubeObjects.annotation(o, URL_ANNOTATION);
            if (url != null && !url.isBlank()) {
                urls.add(new Notice.Link(label, url.trim()));
            }
            if ("Ingress".equals(kind) && o.get("spec") instanceof Map<?, ?> spec
                    && spec.get("rules") instanceof List<?> rules) {
                for (Object rule : rules) {
                    if (rule instanceof Map<?, ?> r && r.get("host") instanceof String host && !host.isBlank()
                            && !host.contains("*")) {
                        urls.add(new Notice.Link(label, "https://" + host));
                    }
                }
            }
        }
        return new Found(refs, urls);
    }
}
