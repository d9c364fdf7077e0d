package dev.rset.core.yaml;

/**
 * Implemented by a {@link dev.rset.core.gotypes.GoValue} whose Go type has its own JSON form
 * (Go's {@code json.Marshaler}), e.g. {@code time.Duration} marshals as its nanosecond count.
 * The returned value is encoded in its place; it must itself be a template value.
 */
public interface GoJsonMarshaler {
    Object toJsonValue();
}
