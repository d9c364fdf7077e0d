package dev.rset.api.resources;

import dev.rset.api.http.ApiException;

/**
 * What an apply does with fields the kind does not have, as Kubernetes' {@code fieldValidation}
 * query parameter: refuse the object (the default, as {@code kubectl apply}), or accept it with a
 * warning, or silently.
 */
public enum FieldValidation {
    STRICT("Strict"), WARN("Warn"), IGNORE("Ignore");

    private final String wire;

    FieldValidation(String wire) {
        this.wire = wire;
    }

    /** The query parameter's value; absent is {@link #STRICT}. */
    public static FieldValidation parse(String value) {
        if (value == null || value.isEmpty()) {
            return STRICT;
        }
        for (FieldValidation v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        throw ApiException.badRequest("fieldValidation: \"" + value + "\" must be one of Strict, Warn, Ignore");
    }
}
