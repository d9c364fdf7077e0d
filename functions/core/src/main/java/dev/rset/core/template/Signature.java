package dev.rset.core.template;

import java.util.List;

/**
 * The parameter list of a template function. {@code variadic}, when not null, is the element
 * type of a trailing {@code ...T} parameter.
 */
public record Signature(List<ParamType> params, ParamType variadic) {
    public Signature {
        params = List.copyOf(params);
    }

    public static Signature of(ParamType... params) {
        return new Signature(List.of(params), null);
    }

    /** A signature whose last Go parameter is {@code ...variadic}, after the fixed ones. */
    public static Signature variadic(ParamType variadic, ParamType... fixed) {
        return new Signature(List.of(fixed), variadic);
    }

    public boolean isVariadic() {
        return variadic != null;
    }
}
