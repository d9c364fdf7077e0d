package dev.rset.reconciler.dependencies;

import dev.rset.core.api.Dependency;
import dev.rset.delivery.ObjectRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code spec.dependsOn} as the Flux Operator checks it, on the target cluster: every dependency
 * must exist; with {@code ready: true} its {@code Ready} condition must be {@code True}; with a
 * {@code readyExpr} that CEL expression over the object (as {@code self}) must be true. A
 * dependency without a namespace is looked up cluster-scoped.
 */
public final class DependencyCheck {
    private DependencyCheck() {
    }

    /** What is not met, one line per dependency (empty when all are met). */
    public static List<String> unmet(List<Dependency> dependencies,
            Function<ObjectRef, Optional<Map<String, Object>>> lookup) {
        List<String> out = new ArrayList<>();
        for (Dependency d : dependencies) {
            ObjectRef ref = refOf(d);
            String name = d.apiVersion() + "/" + ref;
            Optional<Map<String, Object>> object = lookup.apply(ref);
            if (object.isEmpty()) {
                out.add("dependency " + name + " not found");
                continue;
            }
            if (d.ready() && d.readyExpr().isEmpty()) {
                readyConditionProblem(object.get()).ifPresent(p -> out.add("dependency " + name + " not ready: " + p));
            }
            if (!d.readyExpr().isEmpty()) {
                try {
                    if (!ReadyExpression.compile(d.readyExpr()).test(object.get())) {
                        out.add("dependency " + name + " not ready: readyExpr \"" + d.readyExpr()
                                + "\" evaluated to false");
                    }
                } catch (IllegalArgumentException e) {
                    out.add("dependency " + name + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    static ObjectRef refOf(Dependency d) {
        int slash = d.apiVersion().indexOf('/');
        String group = slash < 0 ? "" : d.apiVersion().substring(0, slash);
        String version = d.apiVersion().substring(slash + 1);
        return new ObjectRef(group, version, d.kind(), d.namespace(), d.name());
    }

    /** Why the object's {@code Ready} condition is not {@code True}, or empty when it is. */
    @SuppressWarnings("unchecked")
    static Optional<String> readyConditionProblem(Map<String, Object> object) {
        Object status = object.get("status");
        Object conditions = status instanceof Map<?, ?> s ? s.get("conditions") : null;
        if (conditions instanceof List<?> list) {
            for (Object c : list) {
                if (c instanceof Map<?, ?> m && "Ready".equals(m.get("type"))) {
                    if ("True".equals(m.get("status"))) {
                        return Optional.empty();
                    }
                    Object message = m.get("message");
                    return Optional.of("Ready condition is " + m.get("status")
                            + (message == null || message.toString().isEmpty() ? "" : ": " + message));
                }
            }
        }
        return Optional.of("it has no Ready condition");
    }
}
