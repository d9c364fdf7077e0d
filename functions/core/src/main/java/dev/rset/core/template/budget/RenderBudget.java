package dev.rset.core.template.budget;

import java.time.Duration;

/**
 * The most a render may cost: one budget covers a whole build (every resource and every input
 * set), so a hostile template cannot exhaust the heap, the stack or the caller's time.
 *
 * @param maxSteps nodes executed, range iterations, function calls and elements copied by them
 * @param maxOutputBytes rendered text, summed over every execution of the build
 * @param maxValueBytes the largest single string a function may build ({@code repeat}, {@code printf}, ...)
 * @param maxListLength the longest list or map a function may build ({@code until}, {@code seq}, ...)
 * @param maxTemplateDepth nested {@code template} calls; Go stops at 100,000, the Java stack much
 *     earlier (a cold JVM on a default 512 KiB-1 MiB stack manages several hundred)
 * @param timeout wall-clock time for the whole build
 * @param maxObjects objects rendered (before de-duplication) by the whole build: each resource
 *     once per input set, each document of a template once per input set
 */
public record RenderBudget(long maxSteps, long maxOutputBytes, long maxValueBytes, int maxListLength,
        int maxTemplateDepth, Duration timeout, long maxObjects) {

    /** Go's own limit on nested template calls. */
    public static final int GO_MAX_TEMPLATE_DEPTH = 100_000;

    /**
     * Sized from the 10,000 x 2 benchmark (20,000 objects: 0.4 M steps, 4.5 MiB of text, about
     * 0.5 s warm): steps and output leave it a margin of more than ten, while a runaway template
     * stops within a second or two and well inside a 768 MB heap. One value (16 MiB) and one list
     * (a million elements) are far beyond what a Kubernetes object holds. Steps bound the CPU a
     * render may use; the timeout is the backstop, generous because it is wall-clock time and a
     * loaded machine stretches it (a 10,000 x 20 build took 50 s at a tenth of a core). Objects:
     * 10,000 input sets (the most Permute makes) times 10 resources, five times the benchmark; a
     * build over it (10,000 x 20) is refused before rendering, not after a minute of work.
     */
    public static final RenderBudget DEFAULT = new RenderBudget(25_000_000L, 64L << 20, 16L << 20, 1_000_000,
            200, Duration.ofMinutes(2), 100_000L);

    public RenderBudget {
        if (maxSteps <= 0 || maxOutputBytes <= 0 || maxValueBytes <= 0 || maxListLength <= 0
                || maxTemplateDepth <= 0 || maxObjects <= 0) {
            throw new IllegalArgumentException("render budget limits must be positive");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("render budget timeout must be positive");
        }
        maxTemplateDepth = Math.min(maxTemplateDepth, GO_MAX_TEMPLATE_DEPTH);
    }

    public RenderBudget withMaxSteps(long steps) {
        return new RenderBudget(steps, maxOutputBytes, maxValueBytes, maxListLength, maxTemplateDepth,
                timeout, maxObjects);
    }

    public RenderBudget withMaxOutputBytes(long bytes) {
        return new RenderBudget(maxSteps, bytes, maxValueBytes, maxListLength, maxTemplateDepth,
                timeout, maxObjects);
    }

    public RenderBudget withMaxValueBytes(long bytes) {
        return new RenderBudget(maxSteps, maxOutputBytes, bytes, maxListLength, maxTemplateDepth,
                timeout, maxObjects);
    }

    public RenderBudget withMaxListLength(int length) {
        return new RenderBudget(maxSteps, maxOutputBytes, maxValueBytes, length, maxTemplateDepth,
                timeout, maxObjects);
    }

    public RenderBudget withMaxTemplateDepth(int depth) {
        return new RenderBudget(maxSteps, maxOutputBytes, maxValueBytes, maxListLength, depth,
                timeout, maxObjects);
    }

    public RenderBudget withTimeout(Duration limit) {
        return new RenderBudget(maxSteps, maxOutputBytes, maxValueBytes, maxListLength, maxTemplateDepth,
                limit, maxObjects);
    }

    public RenderBudget withMaxObjects(long objects) {
        return new RenderBudget(maxSteps, maxOutputBytes, maxValueBytes, maxListLength, maxTemplateDepth, timeout,
                objects);
    }
}
