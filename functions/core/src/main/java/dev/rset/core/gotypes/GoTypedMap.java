package dev.rset.core.gotypes;

import java.util.LinkedHashMap;

/**
 * A Go map whose value type is not {@code interface{}}, such as the {@code map[string]string}
 * that sprig's {@code split} returns. A plain {@link java.util.Map} stands for
 * {@code map[string]interface {}}. Only {@code typeOf} and argument type checks look at the
 * value type; everything else treats it as any other map.
 */
public final class GoTypedMap extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    private final String valueType;

    public GoTypedMap(String valueType) {
        this.valueType = valueType;
    }

    /** The Go value type name, e.g. {@code string}. */
    public String valueType() {
        return valueType;
    }

    /** The Go type name, e.g. {@code map[string]string}. */
    public String goTypeName() {
        return "map[string]" + valueType;
    }
}
