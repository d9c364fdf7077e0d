package dev.rset.stack;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** An environment that remembers every variable the code looked up, set or not. */
final class RecordingEnv extends AbstractMap<String, String> {
    private final Map<String, String> values;
    final Set<String> read = new TreeSet<>();

    RecordingEnv(Map<String, String> values) {
        this.values = values;
    }

    @Override
    public String get(Object key) {
        read.add((String) key);
        return values.get(key);
    }

    @Override
    public String getOrDefault(Object key, String fallback) {
        read.add((String) key);
        return values.getOrDefault(key, fallback);
    }

    @Override
    public boolean containsKey(Object key) {
        read.add((String) key);
        return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        throw new UnsupportedOperationException("wiring reads variables by name");
    }
}
