package dev.rset.core.template;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Named template functions, like Go's {@code template.FuncMap}. */
public final class FuncMap {
    private final Map<String, TemplateFunction> functions = new HashMap<>();

    public FuncMap put(String name, TemplateFunction function) {
        functions.put(name, function);
        return this;
    }

    public FuncMap put(String name, Signature signature, TemplateFunction.Body body) {
        return put(name, TemplateFunction.of(signature, body));
    }

    /** A function that asks the render's meter before building a large result. */
    public FuncMap putMetered(String name, Signature signature, TemplateFunction.MeteredBody body) {
        return put(name, TemplateFunction.metered(signature, body));
    }

    public FuncMap putAll(FuncMap other) {
        functions.putAll(other.functions);
        return this;
    }

    public TemplateFunction get(String name) {
        return functions.get(name);
    }

    public boolean contains(String name) {
        return functions.containsKey(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(functions.keySet());
    }
}
