package dev.rset.cli.render;

import dev.rset.cli.UserError;
import dev.rset.core.api.GoDurations;
import dev.rset.core.template.budget.RenderBudget;
import java.time.Duration;
import java.util.Map;

/**
 * The render budget of {@code rset build}: the default, with its wall-clock deadline replaced by
 * {@value #VARIABLE} (a Go duration such as {@code 500ms} or {@code 10s}) when that is set. A
 * short deadline suits scripts and CI that would rather fail fast than wait on a runaway template.
 */
public final class BuildDeadline {
    public static final String VARIABLE = "RSET_BUILD_DEADLINE";

    private BuildDeadline() {
    }

    /** The budget {@code env} asks for; a value that is not a positive Go duration is a {@link UserError}. */
    public static RenderBudget budget(Map<String, String> env) {
        String text = env.get(VARIABLE);
        if (text == null || text.isBlank()) {
            return RenderBudget.DEFAULT;
        }
        Duration deadline;
        try {
            deadline = GoDurations.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new UserError(VARIABLE + ": " + e.getMessage());
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new UserError(VARIABLE + ": the deadline must be positive, got \"" + text.trim() + "\"");
        }
        return RenderBudget.DEFAULT.withTimeout(deadline);
    }
}
