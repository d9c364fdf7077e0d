package dev.rset.core.yaml;

/** JSON as Go's encoding/json writes and reads it. */
public final class GoJson {
    private GoJson() {
    }

    /** {@code json.Marshal(v)}: compact, map keys sorted, HTML characters escaped when asked. */
    public static String marshal(Object v, boolean escapeHtml) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code json.MarshalIndent(v, "", indent)}. */
    public static String marshalIndent(Object v, String indent) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code json.Unmarshal} into {@code interface{}}: every number becomes a float64. */
    public static Object unmarshal(String json) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
