package dev.rset.core.template.budget;

import java.util.function.LongSupplier;

/**
 * What a build has spent of its {@link RenderBudget}. One meter is shared by every execution of
 * one build; functions that build strings or lists ask it before they allocate. Not thread-safe:
 * a build runs on one thread.
 */
public final class RenderMeter {
    /** Steps between two readings of the clock: reading it costs more than a step. */
    private static final int CLOCK_INTERVAL = 1024;

    private final RenderBudget budget;
    private final LongSupplier nanoClock;
    private final long deadline;
    private long steps;
    private long nextClockCheck;
    private long output;
    private long objects;

    private RenderMeter(RenderBudget budget, LongSupplier nanoClock) {
        this.budget = budget;
        this.nanoClock = nanoClock;
        this.deadline = nanoClock.getAsLong() + budget.timeout().toNanos();
        this.nextClockCheck = Math.min(CLOCK_INTERVAL, budget.maxSteps() + 1);
    }

    /** Starts the budget's clock now. */
    public static RenderMeter start(RenderBudget budget) {
        return start(budget, System::nanoTime);
    }

    /** Starts the budget against a monotonic nanosecond clock, such as {@link System#nanoTime()}. */
    public static RenderMeter start(RenderBudget budget, LongSupplier nanoClock) {
        return new RenderMeter(budget, nanoClock);
    }

    public RenderBudget budget() {
        return budget;
    }

    public long stepsTaken() {
        return steps;
    }

    public long outputBytes() {
        return output;
    }

    /** One node executed, one range iteration or one function call. */
    public void step() {
        if (++steps >= nextClockCheck) {
            checkpoint();
        }
    }

    /** Work proportional to {@code n}, such as copying a list of {@code n} elements. */
    public void work(long n) {
        steps += Math.max(0, n);
        if (steps >= nextClockCheck) {
            checkpoint();
        }
    }

    private void checkpoint() {
        if (steps > budget.maxSteps()) {
            throw new RenderBudgetExceeded("more than " + budget.maxSteps() + " steps");
        }
        nextClockCheck = Math.min(steps + CLOCK_INTERVAL, budget.maxSteps() + 1);
        checkDeadline();
    }

    /** For work between executions (decoding what they rendered): fails once the time is up. */
    public void checkDeadline() {
        if (nanoClock.getAsLong() - deadline > 0) {
            throw new RenderBudgetExceeded("rendering took longer than " + seconds(budget.timeout().toMillis()));
        }
    }

    /** Bytes a function may build for the price of one step. */
    private static final int BYTES_PER_STEP = 64;

    /** Before building one string of {@code bytes}: refuses it over the per-value limit. */
    public void value(long bytes) {
        if (bytes > budget.maxValueBytes() || bytes < 0) {
            throw new RenderBudgetExceeded("a value of " + (bytes < 0 ? "more than 2^63" : bytes)
                    + " bytes, over the " + size(budget.maxValueBytes()) + " limit for one value");
        }
    }

    /**
     * After a function built a string of {@code bytes}: checks it and charges the work of
     * building it, so a loop of large values runs out of steps rather than time.
     */
    public void built(long bytes) {
        value(bytes);
        if (bytes >= BYTES_PER_STEP) {
            work(bytes / BYTES_PER_STEP);
        }
    }

    /** Before building a list (or map) of {@code elements}. */
    public void list(long elements) {
        if (elements > budget.maxListLength() || elements < 0) {
            throw new RenderBudgetExceeded("a list of " + (elements < 0 ? "more than 2^63" : elements)
                    + " elements, over the limit of " + budget.maxListLength());
        }
    }

    /** Before writing {@code bytes} of rendered text; counted over the whole build. */
    public void output(long bytes) {
        output += bytes;
        if (output > budget.maxOutputBytes()) {
            throw new RenderBudgetExceeded("output over " + size(budget.maxOutputBytes()));
        }
    }

    /**
     * Before rendering {@code resources} resources for each of {@code inputSets} input sets: refuses
     * the whole plan at once when it would render more objects than the budget allows.
     */
    public void plannedObjects(long inputSets, long resources) {
        long planned = inputSets * resources;
        if (planned > budget.maxObjects() - objects) {
            throw new RenderBudgetExceeded(inputSets + " input sets x " + resources + " resources make " + planned
                    + " objects, over the limit of " + budget.maxObjects());
        }
    }

    /** After rendering {@code n} objects (a template's documents are known only once rendered). */
    public void rendered(long n) {
        objects += n;
        if (objects > budget.maxObjects()) {
            throw new RenderBudgetExceeded("more than " + budget.maxObjects() + " objects");
        }
    }

    /**
     * The deepest nesting of lists and maps a template may build: what YAML reads back, which keeps
     * printing and marshalling (they recurse once per level) well inside a thread's stack.
     */
    public static final int MAX_VALUE_DEPTH = 1_000;

    /** After building a list or map nested {@code depth} levels deep. */
    public void nesting(int depth) {
        if (depth > MAX_VALUE_DEPTH) {
            throw new RenderBudgetExceeded("a value nested more than " + MAX_VALUE_DEPTH + " deep");
        }
    }

    /** Before entering the {@code depth}-th nested template call. */
    public void templateDepth(int depth) {
        if (depth > budget.maxTemplateDepth()) {
            throw new RenderBudgetExceeded("templates nested more than " + budget.maxTemplateDepth() + " deep");
        }
    }

    static String size(long bytes) {
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
