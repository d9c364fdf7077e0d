package dev.rset.core.api;

import java.util.List;
import java.util.Map;

/** A Kubernetes {@code metav1.LabelSelector}: all of matchLabels and matchExpressions must hold. */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    /** One {@code matchExpressions} entry. */
    public record Requirement(String key, Operator operator, List<String> values) {
        public Requirement {
            values = List.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (operator) {
                case IN -> v != null && values.contains(v);
                case NOT_IN -> v == null || !values.contains(v);
                case EXISTS -> labels.containsKey(key);
                case DOES_NOT_EXIST -> !labels.containsKey(key);
            };
        }
    }

    /** The operators of {@code metav1.LabelSelectorOperator}. */
    public enum Operator {
        IN("In"), NOT_IN("NotIn"), EXISTS("Exists"), DOES_NOT_EXIST("DoesNotExist");

        private final String wire;

        Operator(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Operator parse(String s) {
            for (Operator o : values()) {
                if (o.wire.equals(s)) {
                    return o;
                }
            }
            return null;
        }
    }

    /** True when every matchLabels entry and every expression holds for {@code labels}. */
    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Requirement r : matchExpressions) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the string form used by {@code kubectl -l} ({@code env=prod,tier in (a,b),!beta});
     * throws IllegalArgumentException saying what is wrong.
     */
    public static LabelSelector parse(String text) {
        return SelectorSyntax.parse(text);
    }

    public boolean isEmpty() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    static LabelSelector read(Fields f) {
        List<Requirement> exprs = f.list("matchExpressions", (e, i) -> {
            String key = e.requiredString("key");
            String op = e.requiredString("operator");
            Operator operator = Operator.parse(op);
            if (operator == null) {
                throw e.error("operator", "\"" + op + "\" is not a valid label selector operator");
            }
            List<String> values = e.stringList("values");
            boolean needsValues = operator == Operator.IN || operator == Operator.NOT_IN;
            if (needsValues && values.isEmpty()) {
                throw e.error("values", "must be specified when `operator` is 'In' or 'NotIn'");
            }
            if (!needsValues && !values.isEmpty()) {
                throw e.error("values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
            }
            return new Requirement(key, operator, values);
        });
        return new LabelSelector(f.stringMap("matchLabels"), exprs);
    }
}
