package dev.rset.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml as data. CloudFormation's short-form functions ({@code !Ref X}, {@code !GetAtt A.B},
 * {@code !Sub}, {@code !If}) are read as their long form: a one-entry map {@code {Ref: X}}.
 */
public final class Template {
    private final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    /**
     * The repository root: the {@code stack.root} property (set by the module's surefire
     * configuration), else the first directory from the working directory upwards holding
     * template.yaml (benchmarks run from the root).
     */
    public static Path root() {
        String property = System.getProperty("stack.root");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("template.yaml not found from " + Path.of("").toAbsolutePath() + " upwards");
    }

    public static Template load() {
        try {
            return new Template(new Yaml(new IntrinsicFunctions()).load(Files.readString(root().resolve("template.yaml"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resources of a type, by logical id. */
    public Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        map(root, "Resources").forEach((id, r) -> {
            if (type.equals(map(root, "Resources", id).get("Type"))) {
                out.put(id, map(root, "Resources", id, "Properties"));
            }
        });
        return out;
    }

    /** A parameter's {@code Default}; fails when it has none. */
    public Object parameterDefault(String name) {
        Object v = map(root, "Parameters", name).get("Default");
        if (v == null) {
            throw new IllegalStateException("template.yaml: parameter " + name + " has no Default");
        }
        return v;
    }

    Map<String, Object> output(String id) {
        return map(root, "Outputs", id);
    }

    public Map<String, Object> resource(String id) {
        return map(root, "Resources", id);
    }

    /** Globals plus the function's own variables, as the function gets them. */
    public Map<String, Object> environment(String functionId) {
        Map<String, Object> env = new LinkedHashMap<>(map(root, "Globals", "Function", "Environment", "Variables"));
        env.putAll(map(map(root, "Resources", functionId, "Properties"), "Environment", "Variables"));
        return env;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> from, String... path) {
        Object v = from;
        for (String p : path) {
            v = v instanceof Map<?, ?> m ? m.get(p) : null;
        }
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    private static final class IntrinsicFunctions extends SafeConstructor {
        IntrinsicFunctions() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String fn = node.getTag().getValue().substring(1);
                    String name = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
                    Object value;
                    if (node instanceof ScalarNode s) {
                        value = constructScalar(s);
                    } else if (node instanceof SequenceNode s) {
                        value = constructSequence(s);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(name, value);
                }
            });
        }
    }
}
