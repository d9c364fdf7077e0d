package dev.rset.core.yaml;

/** JSON as Go's encoding/json writes and reads it. */
public final class GoJson {
    private GoJson() {
    }

    /**
     * {@code json.Marshal(v)}: compact, map keys sorted, HTML characters escaped when asked
     * ({@code false} is an Encoder with {@code SetEscapeHTML(false)}, without the trailing
     * newline). Throws {@link GoJsonException} for NaN and infinities, as Go does.
     */
    public static String marshal(Object v, boolean escapeHtml) {
        return JsonEncoder.encode(v, escapeHtml, null);
    }

    /** {@code json.MarshalIndent(v, "", indent)} (HTML characters escaped, as Marshal does). */
    public static String marshalIndent(Object v, String indent) {
        return JsonEncoder.encode(v, true, indent);
    }

    /**
     * {@code json.Unmarshal} into {@code interface{}}: every number becomes a float64 (Double),
     * objects LinkedHashMap, arrays ArrayList. Syntax errors carry Go's text, e.g.
     * {@code invalid character 'x' looking for beginning of value}.
     */
    public static Object unmarshal(String json) throws GoJsonException {
        return JsonDecoder.decode(json, JsonDecoder.Numbers.FLOAT64);
    }
}
