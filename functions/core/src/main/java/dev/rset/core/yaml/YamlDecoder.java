package dev.rset.core.yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * go-yaml v2's decoder into {@code interface{}}: maps become {@code map[interface{}]interface{}}
 * (here a LinkedHashMap with Java keys), scalars are resolved, aliases expanded (refusing
 * self-containing anchors and excessive aliasing) and merge keys ({@code <<}) applied in v2's
 * order, where a merged key overrides one written before the {@code <<}.
 */
final class YamlDecoder {
    private static final int ALIAS_RATIO_RANGE_LOW = 400_000;
    private static final int ALIAS_RATIO_RANGE_HIGH = 4_000_000;

    private final Map<YamlNode, Boolean> activeAliases = new IdentityHashMap<>();
    private int decodeCount;
    private int aliasCount;
    private int aliasDepth;
    private final Set<YamlWarning> warnings;
    private final int firstLine;

    private YamlDecoder(Set<YamlWarning> warnings, int firstLine) {
        this.warnings = warnings;
        this.firstLine = firstLine;
    }

    static Object decode(YamlNode root) {
        return decode(root, null, 1);
    }

    /**
     * Decodes, and when {@code warnings} is given adds one for each plain mapping key that YAML
     * 1.1 reads as a boolean ({@code on}, {@code n}, {@code yes}): it becomes the key "true" or
     * "false", which is seldom what the author meant. {@code firstLine} is the stream line the
     * document starts on.
     */
    static Object decode(YamlNode root, Set<YamlWarning> warnings, int firstLine) {
        return root == null ? null : new YamlDecoder(warnings, firstLine).value(root);
    }

    /** {@code d.unmarshal(n, out)} for an {@code interface{}} out. */
    private Object value(YamlNode n) {
        count();
        if (n instanceof YamlNode.Alias a) {
            return throughAlias(a, () -> value(a.target()));
        }
        if (n instanceof YamlNode.Scalar s) {
            return scalar(s);
        }
        if (n instanceof YamlNode.Sequence s) {
            List<Object> out = new ArrayList<>(s.items().size());
            for (YamlNode item : s.items()) {
                out.add(value(item));
            }
            return out;
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        fill((YamlNode.Mapping) n, out);
        return out;
    }

    private void count() {
        decodeCount++;
        if (aliasDepth > 0) {
            aliasCount++;
        }
        if (aliasCount > 100 && decodeCount > 1000
                && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
            throw new GoYamlException("yaml: document contains excessive aliasing");
        }
    }

    private static double allowedAliasRatio(int decodeCount) {
        if (decodeCount <= ALIAS_RATIO_RANGE_LOW) {
            return 0.99;
        }
        if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) {
            return 0.10;
        }
        double range = ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW;
        return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_RANGE_LOW) / range);
    }

    private <T> T throughAlias(YamlNode.Alias a, java.util.function.Supplier<T> body) {
        if (activeAliases.containsKey(a)) {
            throw new GoYamlException("yaml: anchor '" + a.name() + "' value contains itself");
        }
        activeAliases.put(a, Boolean.TRUE);
        aliasDepth++;
        try {
            return body.get();
        } finally {
            aliasDepth--;
            activeAliases.remove(a);
        }
    }

    private static Object scalar(YamlNode.Scalar s) {
        if (s.tag().isEmpty() && !s.implicit()) {
            return s.value();
        }
        YamlResolver.Resolved r = YamlResolver.resolve(s.tag(), s.value());
        if (r.tag().equals(YamlTags.BINARY)) {
            return binary(s.value());
        }
        if (r.tag().equals(YamlTags.TIMESTAMP)) {
            return s.value();
        }
        return r.value();
    }

    private static String binary(String base64) {
        try {
            byte[] data = Base64.getDecoder().decode(base64.replace("\n", "").replace("\r", ""));
            return new String(data, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GoYamlException("yaml: !!binary value contains invalid base64 data");
        }
    }

    /** The mapping's pairs into {@code out}, in document order, merges included. */
    private void fill(YamlNode.Mapping m, Map<Object, Object> out) {
        List<YamlNode> kv = m.keysAndValues();
        for (int i = 0; i + 1 < kv.size(); i += 2) {
            if (isMerge(kv.get(i))) {
                merge(kv.get(i + 1), out);
                continue;
            }
            Object key = value(kv.get(i));
            if (warnings != null && key instanceof Boolean b && kv.get(i) instanceof YamlNode.Scalar s && s.implicit()) {
                warnings.add(new YamlWarning(firstLine + s.line(),
                        "key `" + s.value() + "` is read as \"" + b + "\" (YAML 1.1); quote it"));
            }
            if (key instanceof Map || key instanceof List) {
                throw new GoYamlException("yaml: invalid map key: " + GoSyntax.sharpV(key));
            }
            out.put(key, value(kv.get(i + 1)));
        }
    }

    private static boolean isMerge(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.value().equals("<<")
                && (s.implicit() || s.tag().equals(YamlTags.MERGE));
    }

    private void merge(YamlNode n, Map<Object, Object> out) {
        if (n instanceof YamlNode.Mapping || n instanceof YamlNode.Alias a && a.target() instanceof YamlNode.Mapping) {
            into(n, out);
        } else if (n instanceof YamlNode.Sequence s) {
            // Earlier maps take precedence, so they are applied last.
            for (int i = s.items().size() - 1; i >= 0; i--) {
                YamlNode item = s.items().get(i);
                YamlNode real = item instanceof YamlNode.Alias a ? a.target() : item;
                if (!(real instanceof YamlNode.Mapping)) {
                    throw wantMap();
                }
                into(item, out);
            }
        } else {
            throw wantMap();
        }
    }

    private void into(YamlNode n, Map<Object, Object> out) {
        count();
        if (n instanceof YamlNode.Alias a) {
            throughAlias(a, () -> {
                into(a.target(), out);
                return null;
            });
            return;
        }
        fill((YamlNode.Mapping) n, out);
    }

    private static GoYamlException wantMap() {
        return new GoYamlException("yaml: map merge requires map or sequence of maps as the value");
    }
}
