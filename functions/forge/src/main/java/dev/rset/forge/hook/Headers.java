package dev.rset.forge.hook;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** HTTP request headers, looked up case-insensitively (API Gateway lower-cases them, forges do not). */
public final class Headers {
    private final Map<String, String> values;

    private Headers(Map<String, String> values) {
        this.values = values;
    }

    public static Headers of(Map<String, String> raw) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (raw != null) {
            raw.forEach((k, v) -> {
                if (k != null && v != null) {
                    m.put(k, v);
                }
            });
        }
        return new Headers(m);
    }

    /** The header's value, or an empty string when absent. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean has(String name) {
        return !get(name).isEmpty();
    }

    /** The media type of Content-Type without parameters, lower case, e.g. {@code application/json}. */
    public String mediaType() {
        String ct = get("Content-Type");
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
