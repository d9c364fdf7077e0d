package dev.rset.core.gotypes;

/** The subset of Go's {@code reflect.Kind} that template values can have. */
public enum GoKind {
    INVALID("invalid"),
    BOOL("bool"),
    INT("int"),
    INT64("int64"),
    UINT8("uint8"),
    UINT32("uint32"),
    FLOAT64("float64"),
    STRING("string"),
    SLICE("slice"),
    MAP("map"),
    STRUCT("struct"),
    FUNC("func");

    private final String goName;

    GoKind(String goName) {
        this.goName = goName;
    }

    /** The name Go's {@code reflect.Kind.String()} returns. */
    public String goName() {
        return goName;
    }

    public boolean isInteger() {
        return this == INT || this == INT64 || this == UINT8 || this == UINT32;
    }
}
