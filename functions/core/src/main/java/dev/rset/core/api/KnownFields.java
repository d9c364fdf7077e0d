package dev.rset.core.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a kind's Go type has, as a tree built from paths such as {@code spec.inputsFrom[].name}
 * ({@code []}: each item of a list, {@code *}: any key of a map). A path ends at a scalar or at a
 * free-form value (inputs, resources), below which any key is allowed. Finds the fields a manifest
 * has that the type does not, as Kubernetes' strict field validation names them:
 * {@code spec.commonMetdata}, {@code spec.inputsFrom[0].nmae}. Keys match exactly (a differently
 * cased key is unknown, as it is to the API server).
 */
final class KnownFields {
    private final Map<String, KnownFields> fields = new LinkedHashMap<>();
    private KnownFields items;
    private boolean leaf;

    private KnownFields() {
    }

    static KnownFields of(List<String> paths) {
        KnownFields root = new KnownFields();
        for (String path : paths) {
            KnownFields node = root;
            for (String segment : path.split("\\.")) {
                boolean list = segment.endsWith("[]");
                String name = list ? segment.substring(0, segment.length() - 2) : segment;
                node = node.fields.computeIfAbsent(name, k -> new KnownFields());
                if (list) {
                    if (node.items == null) {
                        node.items = new KnownFields();
                    }
                    node = node.items;
                }
            }
            node.leaf = true;
        }
        return root;
    }

    /** The paths of the fields of {@code object} this tree does not know, in document order. */
    List<String> unknown(Map<String, Object> object) {
        List<String> out = new ArrayList<>();
        walk(object, "", out);
        return out;
    }

    private void walk(Object value, String path, List<String> out) {
        if (leaf) {
            return;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                String at = path.isEmpty() ? key : path + "." + key;
                KnownFields child = fields.containsKey(key) ? fields.get(key) : fields.get("*");
                if (child == null) {
                    out.add(at);
                } else {
                    child.walk(e.getValue(), at, out);
                }
            }
        } else if (value instanceof List<?> l && items != null) {
            for (int i = 0; i < l.size(); i++) {
                items.walk(l.get(i), path + "[" + i + "]", out);
            }
        }
    }
}
