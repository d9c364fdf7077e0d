package dev.rset.core.template;

/**
 * The Go type of a template function parameter. The executor checks each argument against it
 * the way Go's reflection-based call does: a value must have exactly this type unless the
 * parameter is {@link #ANY}; literal constants in the template are converted to it.
 */
public enum ParamType {
    /** {@code interface{}}: anything, nil included. */
    ANY("interface {}"),
    STRING("string"),
    BOOL("bool"),
    /** Go {@code int}, a {@link dev.rset.core.gotypes.GoInt} at run time. */
    INT("int"),
    /** Go {@code int64}, a {@link Long} at run time. */
    INT64("int64"),
    FLOAT64("float64"),
    /** {@code []interface {}}: a List that is not a typed list. */
    LIST("[]interface {}"),
    /** {@code []string}. */
    STRING_LIST("[]string"),
    /** {@code map[string]interface {}}. */
    MAP("map[string]interface {}"),
    /** {@code time.Time}, a {@link dev.rset.core.gotypes.GoValue} named so. */
    TIME("time.Time");

    private final String goName;

    ParamType(String goName) {
        this.goName = goName;
    }

    /** The Go spelling used in error messages, e.g. {@code wrong type for value; expected string; got int64}. */
    public String goName() {
        return goName;
    }
}
