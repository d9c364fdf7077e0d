package dev.rset.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Map literals for tests that keep their insertion order, so key-order behaviour is visible. */
public final class OrderedMaps {
    private OrderedMaps() {
    }

    /** {@code map("a", 1L, "b", null)}: alternating keys and values; values may be null, unlike {@link Map#of}. */
    public static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
