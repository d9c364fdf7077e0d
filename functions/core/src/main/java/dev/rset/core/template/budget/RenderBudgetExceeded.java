package dev.rset.core.template.budget;

/**
 * A render stopped by its {@link RenderBudget}. The message reads
 * {@code render budget exceeded: WHAT}; the executor reports it at the node being executed, in
 * the place of Go's error text.
 */
public final class RenderBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String PREFIX = "render budget exceeded: ";

    RenderBudgetExceeded(String what) {
        super(PREFIX + what, null, false, false);
    }
}
