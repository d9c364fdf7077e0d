package dev.rset.core.gotypes;

/**
 * A value of a Go type that has no natural Java counterpart (e.g. {@code time.Time},
 * {@code time.Duration}). It names its own Go type and kind and prints itself the way
 * {@code fmt} would print it through its {@code String()} method.
 */
public interface GoValue {
    /** The Go type name, as {@code typeOf} reports it, e.g. {@code time.Time}. */
    String goTypeName();

    /** The reflect kind, as {@code kindOf} reports it, e.g. {@code struct} or {@code int64}. */
    GoKind goKind();

    /** What {@code fmt.Sprint} prints for the value. */
    String goString();
}
