package dev.rset.core.template;

/**
 * A function callable from a template. The executor has already checked and converted the
 * arguments against {@link #signature()}; a variadic tail arrives as the trailing elements of
 * {@code args}. Throwing reports an error the way a Go function returning {@code (T, error)} or
 * panicking does: the executor wraps it as {@code error calling NAME: MESSAGE}.
 */
public interface TemplateFunction {
    Signature signature();

    Object call(Object[] args) throws Exception;

    /** The body of a function given as a lambda. */
    @FunctionalInterface
    interface Body {
        Object call(Object[] args) throws Exception;
    }

    static TemplateFunction of(Signature signature, Body body) {
        return new TemplateFunction() {
            @Override
            public Signature signature() {
                return signature;
            }

            @Override
            public Object call(Object[] args) throws Exception {
                return body.call(args);
            }
        };
    }
}
