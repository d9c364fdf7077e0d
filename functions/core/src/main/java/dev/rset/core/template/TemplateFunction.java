package dev.rset.core.template;

import dev.rset.core.template.budget.RenderMeter;

/**
 * A function callable from a template. The executor has already checked and converted the
 * arguments against {@link #signature()}; a variadic tail arrives as the trailing elements of
 * {@code args}. Throwing reports an error the way a Go function returning {@code (T, error)} or
 * panicking does: the executor wraps it as {@code error calling NAME: MESSAGE}.
 */
public interface TemplateFunction {
    Signature signature();

    Object call(Object[] args) throws Exception;

    /**
     * Calls the function within a render's budget. Functions whose result can be much larger
     * than their arguments ({@code repeat}, {@code indent}, {@code until}, ...) override this to
     * ask the meter before they allocate; the rest ignore it.
     */
    default Object call(Object[] args, RenderMeter meter) throws Exception {
        return call(args);
    }

    /** The body of a function given as a lambda. */
    @FunctionalInterface
    interface Body {
        Object call(Object[] args) throws Exception;
    }

    /** The body of a function that asks the render's meter before it builds its result. */
    @FunctionalInterface
    interface MeteredBody {
        Object call(Object[] args, RenderMeter meter) throws Exception;
    }

    /** A metered function; called outside a render it runs under {@link dev.rset.core.template.budget.RenderBudget#DEFAULT}. */
    static TemplateFunction metered(Signature signature, MeteredBody body) {
        return new TemplateFunction() {
            @Override
            public Signature signature() {
                return signature;
            }

            @Override
            public Object call(Object[] args) throws Exception {
                return body.call(args, RenderMeter.start(dev.rset.core.template.budget.RenderBudget.DEFAULT));
            }

            @Override
            public Object call(Object[] args, RenderMeter meter) throws Exception {
                return body.call(args, meter);
            }
        };
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
