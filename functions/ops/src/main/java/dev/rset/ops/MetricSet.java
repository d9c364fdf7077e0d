package dev.rset.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics of one invocation: counts summed, durations kept one value each (EMF takes up to 100 per line). */
final class MetricSet {
    /** A metric's unit and values, as EMF writes them. */
    record Values(Unit unit, List<Double> values) {
    }

    enum Unit {
        Count, Milliseconds
    }

    private final Map<String, Values> metrics = new LinkedHashMap<>();

    synchronized void add(String name, Unit unit, double value) {
        Values v = metrics.computeIfAbsent(name, n -> new Values(unit, new ArrayList<>()));
        if (v.unit() != unit) {
            throw new IllegalArgumentException("metric " + name + " is in " + v.unit() + ", not " + unit);
        }
        if (unit == Unit.Count && !v.values().isEmpty()) {
            v.values().set(0, v.values().get(0) + value);
        } else {
            v.values().add(value);
        }
    }

    synchronized boolean isEmpty() {
        return metrics.isEmpty();
    }

    synchronized Map<String, Values> snapshot() {
        Map<String, Values> copy = new LinkedHashMap<>();
        metrics.forEach((k, v) -> copy.put(k, new Values(v.unit(), List.copyOf(v.values()))));
        return copy;
    }
}
